import type { Localized } from '../locale';

/** The shared catalog service: authentication, permissions, lifecycle, concurrency, audit, gateway, client. */
export const serverMessages = {
  // authentication
  'server.auth.missing': { 'en-US': 'Sign in first: send the header "Authorization: Bearer <token>" (an admin issues tokens)', 'zh-CN': '请先登录：发送请求头"Authorization: Bearer <令牌>"（令牌由管理员发放）' },
  'server.auth.invalid': { 'en-US': 'The token is not valid (unknown, mistyped or revoked); ask an admin for a new one', 'zh-CN': '令牌无效（不存在、输入有误或已吊销）；请向管理员申请新令牌' },
  'server.auth.expired': { 'en-US': 'The token expired at {at}; ask an admin for a new one', 'zh-CN': '令牌已于 {at} 过期；请向管理员申请新令牌' },
  // permissions
  'server.forbidden.role': { 'en-US': 'Role "{role}" may not {action}; that needs role {need}', 'zh-CN': '角色"{role}"无权执行 {action}；需要角色 {need}' },
  'server.forbidden.department': { 'en-US': '{ref} belongs to department "{department}"; you may change only {departments}', 'zh-CN': '"{ref}"属于部门"{department}"；你只能修改{departments}的内容' },
  'server.forbidden.shared': { 'en-US': '{ref} has no department, so only an admin may change it; set "department" to hand it to a team', 'zh-CN': '"{ref}"未指定部门，只有管理员可以修改；请设置"department"将其交给某个团队' },
  'server.forbidden.makerChecker': { 'en-US': 'You edited {ref}, so you cannot approve it: another reviewer must publish it (maker-checker)', 'zh-CN': '你修改过"{ref}"，不能自己批准：须由另一位审核人发布（制作人与审核人分离）' },
  'server.forbidden.admin': { 'en-US': 'Only an admin may {action}', 'zh-CN': '只有管理员可以执行 {action}' },
  // not found, methods, paths
  'server.notFound.route': { 'en-US': 'There is no API at {method} {path}; see the service README for the routes', 'zh-CN': '不存在接口 {method} {path}；接口列表见服务说明文档' },
  'server.notFound.catalog': { 'en-US': 'Catalog "{id}" does not exist', 'zh-CN': '指标目录"{id}"不存在' },
  'server.notFound.entry': { 'en-US': '{ref} does not exist in catalog "{catalog}", or you may not see it', 'zh-CN': '目录"{catalog}"中不存在"{ref}"，或你无权查看' },
  'server.notFound.version': { 'en-US': '{ref} has no version {rev} that you may see; versions: {last}', 'zh-CN': '"{ref}"没有你可查看的第 {rev} 版；可查看的版本：{last}' },
  'server.notFound.user': { 'en-US': 'User "{id}" does not exist', 'zh-CN': '用户"{id}"不存在' },
  'server.notFound.token': { 'en-US': 'Token "{id}" does not exist', 'zh-CN': '令牌"{id}"不存在' },
  'server.method': { 'en-US': '{method} is not allowed on {path}; use {allowed}', 'zh-CN': '{path} 不支持 {method}；请使用 {allowed}' },
  'server.path': { 'en-US': 'The path "{path}" is refused: ids are lower_snake_case, and "..", "." and encoded slashes are never accepted', 'zh-CN': '路径"{path}"被拒绝：ID 应为小写字母、数字和下划线，且不接受".."、"."和编码的斜杠' },
  'server.query': { 'en-US': 'Query parameter {name}="{value}" is not valid; use {allowed}', 'zh-CN': '查询参数 {name}="{value}"无效；请使用 {allowed}' },
  // request bodies
  'server.body.tooLarge': { 'en-US': 'The request body is larger than the limit of {limit} bytes; send less or ask the admin to raise --max-body', 'zh-CN': '请求体超过 {limit} 字节的上限；请减少内容，或请管理员调高 --max-body' },
  'server.body.json': { 'en-US': 'The request body is not valid JSON: {detail}', 'zh-CN': '请求体不是有效的 JSON：{detail}' },
  'server.body.type': { 'en-US': 'Send the body as application/json (got "{type}")', 'zh-CN': '请求体须为 application/json（收到的是"{type}"）' },
  'server.body.empty': { 'en-US': 'This request needs a JSON body', 'zh-CN': '此请求需要 JSON 请求体' },
  'server.invalid': { 'en-US': '{count} problem(s) in the request, each listed with its location; nothing was changed', 'zh-CN': '请求中有 {count} 个问题（均已标明位置）；未做任何修改' },
  'server.idMismatch': { 'en-US': 'The body says "{got}" but the URL names "{expected}"; they must match', 'zh-CN': '请求体中为"{got}"，而 URL 中为"{expected}"；两者必须一致' },
  'server.dateTime': { 'en-US': '"{value}" is not a date-time such as 2026-12-31T00:00:00Z', 'zh-CN': '"{value}"不是日期时间（应如 2026-12-31T00:00:00Z）' },
  'server.pastDate': { 'en-US': '{value} is in the past; choose a later time', 'zh-CN': '{value} 已经过去；请选择更晚的时间' },
  // optimistic concurrency
  'server.ifMatch.required': { 'en-US': 'Send the ETag you read in If-Match (or "If-None-Match: *" to create) so that nobody else\'s change is overwritten', 'zh-CN': '请在 If-Match 中带上读取时得到的 ETag（新建时用"If-None-Match: *"），以免覆盖他人的修改' },
  'server.ifMatch.wildcard': { 'en-US': '"If-Match: *" would overwrite whatever version is there; send the ETag you read', 'zh-CN': '"If-Match: *"会覆盖任何版本；请带上读取时得到的 ETag' },
  'server.ifMatch.stale': { 'en-US': '{ref} changed since you read it (you sent {yours}, it is now {current}); reload it, re-apply your change and retry', 'zh-CN': '"{ref}"在你读取后已被修改（你发送的是 {yours}，当前为 {current}）；请重新加载、重做修改后再试' },
  'server.ifMatch.exists': { 'en-US': '{ref} already exists; load it and send its ETag in If-Match to change it', 'zh-CN': '"{ref}"已存在；请先加载，再在 If-Match 中带上它的 ETag 进行修改' },
  'server.catalog.stale': { 'en-US': 'Catalog "{id}" changed since you read it (you sent {yours}, it is now {current}); export it again and retry', 'zh-CN': '目录"{id}"在你读取后已被修改（你发送的是 {yours}，当前为 {current}）；请重新导出后再试' },
  'server.catalog.exists': { 'en-US': 'Catalog "{id}" already exists', 'zh-CN': '目录"{id}"已存在' },
  'server.user.exists': { 'en-US': 'User "{id}" already exists', 'zh-CN': '用户"{id}"已存在' },
  // lifecycle
  'server.transition': { 'en-US': 'Cannot {action} {ref} while it is {status}; {action} is possible only from: {from}', 'zh-CN': '"{ref}"当前状态为 {status}，不能执行 {action}；只有以下状态可以：{from}' },
  // audit and storage integrity
  'server.audit.hash': { 'en-US': 'Audit entry {seq}: its hash does not match its content (the entry was altered)', 'zh-CN': '审计记录 {seq}：哈希与内容不符（记录被改动过）' },
  'server.audit.link': { 'en-US': 'Audit entry {seq}: it does not continue the hash of entry {prev} (an entry was removed, inserted or reordered)', 'zh-CN': '审计记录 {seq}：未接续记录 {prev} 的哈希（有记录被删除、插入或调换）' },
  'server.audit.gap': { 'en-US': 'Audit entries jump from {prev} to {seq} (entries were removed)', 'zh-CN': '审计记录从 {prev} 跳到 {seq}（有记录被删除）' },
  'server.audit.head': { 'en-US': 'The audit head records {expected} entries ending in {hash}, but the log ends at entry {found} (entries were removed or added at the end)', 'zh-CN': '审计链头记录了 {expected} 条、末尾哈希为 {hash}，但日志止于第 {found} 条（末尾有记录被删除或添加）' },
  'server.audit.ok': { 'en-US': 'Audit log intact: {count} entries, head hash {hash}', 'zh-CN': '审计日志完整：共 {count} 条，链头哈希 {hash}' },
  'server.audit.broken': { 'en-US': 'The audit log or version history is damaged: {count} problem(s) listed above', 'zh-CN': '审计日志或版本历史已损坏：上方列出了 {count} 个问题' },
  'server.versions.ok': { 'en-US': 'Version history consistent: {entries} definitions, {versions} versions', 'zh-CN': '版本历史一致：共 {entries} 个定义、{versions} 个版本' },
  'server.versions.missing': { 'en-US': '{ref} in catalog "{catalog}" is at version {rev} but its history holds versions {found} (a version was half-written or removed)', 'zh-CN': '目录"{catalog}"中的"{ref}"当前为第 {rev} 版，但历史中的版本为 {found}（有版本未写完整或被删除）' },
  'server.versions.mismatch': { 'en-US': '{ref} in catalog "{catalog}": the current definition differs from its version {rev} in the history', 'zh-CN': '目录"{catalog}"中的"{ref}"：当前定义与历史中的第 {rev} 版不一致' },
  'server.db.url': { 'en-US': '"{value}" is not a database; use sqlite:FILE or postgres://user@host:port/database', 'zh-CN': '"{value}"不是数据库地址；请使用 sqlite:文件 或 postgres://用户@主机:端口/数据库' },
  'server.db.open': { 'en-US': 'Cannot open the database {db}: {detail}', 'zh-CN': '无法打开数据库 {db}：{detail}' },
  'server.db.newer': { 'en-US': 'The database {db} has schema version {found}, newer than this FinPulse knows ({known}); upgrade FinPulse', 'zh-CN': '数据库 {db} 的结构版本为 {found}，高于当前 FinPulse 支持的 {known}；请升级 FinPulse' },
  'server.db.failed': { 'en-US': 'The database {db} could not complete the request: {detail}. Nothing was half-written; retry, and tell the admin if it persists', 'zh-CN': '数据库 {db} 未能完成请求：{detail}。未写入任何不完整的数据；请重试，如持续出现请联系管理员' },
  // service start-up
  'server.tokenFile': { 'en-US': '{path} does not hold a FinPulse token (expected one line of the form fp_<id>_<secret>)', 'zh-CN': '{path} 中没有 FinPulse 令牌（应为一行 fp_<id>_<secret> 格式的文本）' },
  'server.listening': { 'en-US': 'FinPulse catalog service on {url} (database {db})', 'zh-CN': 'FinPulse 指标目录服务已启动：{url}（数据库 {db}）' },
  'server.adminToken': { 'en-US': 'Admin token in {path} (keep it secret; it signs in as "{user}")', 'zh-CN': '管理员令牌保存在 {path}（请妥善保管；它以"{user}"身份登录）' },
  'server.stopping': { 'en-US': 'Stopping: finishing open requests', 'zh-CN': '正在停止：等待进行中的请求完成' },
  // data gateway
  'server.gateway.off': { 'en-US': 'The data gateway is off; start the service with --gateway-allow HOST[:PORT] to use it', 'zh-CN': '数据网关未开启；请用 --gateway-allow 主机[:端口] 启动服务后再使用' },
  'server.gateway.scheme': { 'en-US': 'The gateway calls only http and https URLs without user names or passwords (got {url})', 'zh-CN': '网关只调用不含用户名和密码的 http、https 地址（收到的是 {url}）' },
  'server.gateway.host': { 'en-US': 'The gateway does not call {host}: it is not on the allow-list ({allowed})', 'zh-CN': '网关不会调用 {host}：它不在允许列表中（{allowed}）' },
  'server.gateway.redirect': { 'en-US': '{from} redirected to {to}, which is not on the allow-list ({allowed}); the gateway stopped there', 'zh-CN': '{from} 重定向到 {to}，后者不在允许列表中（{allowed}）；网关已停止' },
  'server.gateway.redirects': { 'en-US': 'The source redirected more than {max} times; the gateway stopped at {url}', 'zh-CN': '数据源重定向超过 {max} 次；网关在 {url} 处停止' },
  'server.gateway.failed': { 'en-US': 'The source {host} did not answer: {detail}', 'zh-CN': '数据源 {host} 无响应：{detail}' },
  'server.gateway.tooLarge': { 'en-US': 'The source {host} answered more than {limit} bytes; ask for a smaller page', 'zh-CN': '数据源 {host} 返回超过 {limit} 字节；请分页请求更小的数据' },
  // client (task pane)
  'server.client.unreachable': { 'en-US': 'The catalog service at {url} cannot be reached ({detail}); check the address in Settings and the network', 'zh-CN': '无法连接指标目录服务 {url}（{detail}）；请检查设置中的地址和网络' },
  'server.client.offline': { 'en-US': 'Working from the offline copy saved {savedAt}: the catalog service cannot be reached', 'zh-CN': '正在使用 {savedAt} 保存的离线副本：无法连接指标目录服务' },
  'server.client.noCopy': { 'en-US': 'The catalog service cannot be reached and there is no offline copy of catalog "{catalog}" yet; connect once to save one', 'zh-CN': '无法连接指标目录服务，且尚无目录"{catalog}"的离线副本；请联网一次以保存副本' },
  'server.client.response': { 'en-US': 'The catalog service answered {status} with an unexpected body; check that {url} is a FinPulse service', 'zh-CN': '指标目录服务返回 {status}，但内容无法识别；请确认 {url} 是 FinPulse 服务' },
} as const satisfies Record<string, Localized>;
