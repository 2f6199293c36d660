import type { Localized } from '../locale';

/** ERP sources: definitions, HTTP, auth, paging, mapping, sync. */
export const sourceMessages = {
  // definitions
  'source.definitionJson': { 'en-US': 'The source definition is not valid JSON: {detail}', 'zh-CN': '数据源定义不是有效的 JSON：{detail}' },
  'source.duplicateId': { 'en-US': 'Duplicate source id "{id}" (first defined at {first})', 'zh-CN': '数据源 ID"{id}"重复（首次定义于 {first}）' },
  'source.badUrl': { 'en-US': '"{value}" is not an absolute http(s) URL', 'zh-CN': '"{value}"不是完整的 http(s) 地址' },
  'source.unknownPlaceholder': { 'en-US': 'Unknown placeholder {name}; use {from}, {to}, {since} or {period} (write {{ and }} for literal braces)', 'zh-CN': '未知占位符 {name}；可用 {from}、{to}、{since}、{period}（字面花括号请写作 {{ 和 }}）' },
  'source.credentialInDefinition': { 'en-US': '"{name}" carries a credential; credentials never go into a definition: use "auth" with a secret name', 'zh-CN': '"{name}"携带凭据；凭据不得写入数据源定义，请在"auth"中引用密钥名称' },
  'source.badPath': { 'en-US': '"{path}" is not a supported path ({detail}, at character {at}); e.g. $.data.items[*], $.records, $', 'zh-CN': '"{path}"不是支持的路径（{detail}，第 {at} 个字符）；示例：$.data.items[*]、$.records、$' },
  'source.pagingInBody': { 'en-US': 'Paging parameters can go in the body only for a POST request with a body template', 'zh-CN': '只有带请求体模板的 POST 请求才能把分页参数放在请求体中' },
  'source.incrementalNeeds': { 'en-US': 'Incremental sync needs fields.{missing}: records are upserted by key and asked for since the watermark', 'zh-CN': '增量同步需要 fields.{missing}：记录按主键更新，并按水位线增量获取' },
  'source.noSinceParam': { 'en-US': 'key and modified are mapped but no request template uses {since}: every refresh fetches everything', 'zh-CN': '已映射 key 和 modified，但请求模板中没有使用 {since}：每次刷新都会全量获取' },
  'source.odataFullSync': { 'en-US': 'OData sources are fetched in full (or aggregated on the server); modified and deleted are not used', 'zh-CN': 'OData 数据源每次全量获取（或在服务器端聚合），不使用 modified 和 deleted' },
  'source.reservedDimension': { 'en-US': '"{name}" cannot be a dimension name: it is already a column of every observation', 'zh-CN': '"{name}"不能作为维度名称：它已是每条观测的固定列' },
  'source.fieldOption': { 'en-US': 'Option "{option}" does not apply to the {role} field', 'zh-CN': '选项"{option}"不适用于{role}字段' },
  'source.badFactor': { 'en-US': 'factor {value} must be a power of ten (0.01, 1, 1000…) that keeps scale {scale} within 0–8 decimals', 'zh-CN': 'factor {value} 必须是 10 的整数次幂（0.01、1、1000…），且与精度 {scale} 组合后小数位在 0–8 之间' },
  'source.templateValue': { 'en-US': '{source}: the {where} needs {names}, which this fetch does not provide', 'zh-CN': '{source}：{where} 需要 {names}，但本次获取没有提供' },
  'source.badOption': { 'en-US': '{name} "{value}" is not valid; expected {expected}', 'zh-CN': '{name}"{value}"无效；应为 {expected}' },
  // secrets and auth
  'source.secretMissing': { 'en-US': '{source}: secret "{name}" is not set. Add it to your secret store (CLI: environment variable {env} or --secrets FILE); it is never read from the workbook or the definition', 'zh-CN': '{source}：未设置密钥"{name}"。请在密钥存储中添加（命令行：环境变量 {env} 或 --secrets 文件）；密钥不会从工作簿或数据源定义中读取' },
  'source.unauthorized': { 'en-US': '{source}: the server refused the credentials (HTTP {status}) at {url}. Check secret "{secret}": {detail}', 'zh-CN': '{source}：服务器拒绝了凭据（HTTP {status}），地址 {url}。请检查密钥"{secret}"：{detail}' },
  'source.token': { 'en-US': '{source}: the token endpoint {url} did not issue a token (HTTP {status}): {detail}. Check the client id and secret "{secret}"', 'zh-CN': '{source}：令牌端点 {url} 未签发令牌（HTTP {status}）：{detail}。请检查客户端 ID 和密钥"{secret}"' },
  // HTTP
  'source.http': { 'en-US': '{source}: HTTP {status} from {url}: {detail}', 'zh-CN': '{source}：{url} 返回 HTTP {status}：{detail}' },
  'source.retriesExhausted': { 'en-US': '{source}: {url} still failed after {attempts} attempts ({reason}). The last good data stays in use; try again later', 'zh-CN': '{source}：{url} 重试 {attempts} 次后仍失败（{reason}）。继续使用上次成功的数据；请稍后重试' },
  'source.retryAfterTooLong': { 'en-US': '{source}: the server asked to wait {seconds} s before retrying {url}, longer than the {max} s allowed (limits.maxRetryAfterSeconds)', 'zh-CN': '{source}：服务器要求等待 {seconds} 秒后再请求 {url}，超过允许的 {max} 秒（limits.maxRetryAfterSeconds）' },
  'source.timeout': { 'en-US': '{source}: no complete answer from {url} within {ms} ms (limits.timeoutMs)', 'zh-CN': '{source}：{url} 在 {ms} 毫秒内未完成响应（limits.timeoutMs）' },
  'source.network': { 'en-US': '{source}: cannot reach {url}: {detail}', 'zh-CN': '{source}：无法连接 {url}：{detail}' },
  'source.cancelled': { 'en-US': '{source}: the refresh was cancelled; nothing was changed', 'zh-CN': '{source}：刷新已取消，数据未作任何更改' },
  // pages
  'source.badJson': { 'en-US': '{source}: page {page} ({url}) is not valid JSON: {detail}. Nothing from this refresh was applied', 'zh-CN': '{source}：第 {page} 页（{url}）不是有效的 JSON：{detail}。本次刷新的数据均未应用' },
  'source.noRecords': { 'en-US': '{source}: page {page} has nothing at {path}; its top-level fields are: {found}', 'zh-CN': '{source}：第 {page} 页在 {path} 处没有数据；顶层字段为：{found}' },
  'source.recordsNotArray': { 'en-US': '{source}: page {page} has a {found} at {path}, not a list of records', 'zh-CN': '{source}：第 {page} 页 {path} 处是 {found}，不是记录列表' },
  'source.maxPages': { 'en-US': '{source}: stopped after {max} pages (limits.maxPages); raise the limit if the source really is that large', 'zh-CN': '{source}：已达 {max} 页上限（limits.maxPages）后停止；如数据确实如此之多，请提高上限' },
  'source.maxRows': { 'en-US': '{source}: more than {max} records (limits.maxRows); narrow the request with {from}/{to} or raise the limit', 'zh-CN': '{source}：记录超过 {max} 条（limits.maxRows）；请用 {from}/{to} 缩小范围或提高上限' },
  'source.maxBytes': { 'en-US': '{source}: responses passed {max} bytes (limits.maxBytes); narrow the request or raise the limit', 'zh-CN': '{source}：响应超过 {max} 字节（limits.maxBytes）；请缩小请求范围或提高上限' },
  'source.pagingLoop': { 'en-US': '{source}: page {page} points back to a page already read ({what} {value}); stopped so paging cannot loop forever', 'zh-CN': '{source}：第 {page} 页指回已读取的页（{what} {value}）；已停止，以免无限翻页' },
  // mapping and schema drift
  'source.driftMissing': { 'en-US': '{source}: page {page}, record {index} ({location}) has no field "{field}" ({role}); the API may have renamed it. The record has: {present}', 'zh-CN': '{source}：第 {page} 页第 {index} 条记录（{location}）缺少字段"{field}"（{role}），接口可能已改名。该记录的字段：{present}' },
  'source.driftType': { 'en-US': '{source}: page {page}, record {index} ({location}): field "{field}" ({role}) is {found} {value}, expected {expected}; the API may have changed its type', 'zh-CN': '{source}：第 {page} 页第 {index} 条记录（{location}）：字段"{field}"（{role}）为{found} {value}，应为{expected}；接口可能更改了类型' },
  'source.badValue': { 'en-US': '{source}: page {page}, record {index} ({location}): "{value}" is not a valid {expected}', 'zh-CN': '{source}：第 {page} 页第 {index} 条记录（{location}）："{value}"不是有效的{expected}' },
  'source.rounded': { 'en-US': '{source}: {count} amount(s) had more than {scale} decimals and were rounded, first at {location} ({value})', 'zh-CN': '{source}：{count} 个金额超过 {scale} 位小数，已四舍五入，首个位于 {location}（{value}）' },
  // OData
  'source.metadata': { 'en-US': '{source}: cannot read $metadata from {url}: {detail}', 'zh-CN': '{source}：无法从 {url} 读取 $metadata：{detail}' },
  'source.unknownEntitySet': { 'en-US': '{source}: the service has no entity set "{entitySet}"; it has: {available}', 'zh-CN': '{source}：服务中没有实体集"{entitySet}"；现有：{available}' },
  'source.unknownProperty': { 'en-US': '{source}: {entitySet} has no property "{property}" ({where}); properties are: {available}', 'zh-CN': '{source}：{entitySet} 没有属性"{property}"（{where}）；现有属性：{available}' },
  'source.badLiteral': { 'en-US': '{source}: filter value "{value}" is not a valid {type} for {field}', 'zh-CN': '{source}：筛选值"{value}"不是 {field} 所需的有效 {type}' },
  // stale data
  'source.stale': { 'en-US': 'Stale since {since}: the last refresh failed ({detail})', 'zh-CN': '数据自 {since} 起未更新：最近一次刷新失败（{detail}）' },
} as const satisfies Record<string, Localized>;
