import { validateChannels } from './channel';
import { alertMessage } from './message';
import { prepareRequest, type HttpTarget, type JsonObject } from './payload';
import { emailPayload } from './payload-email';
import { utf8Length } from './render';
import { sampleAlertContent } from './sample';

const LINK = 'https://finpulse.example.com/#/finding/1';
const zh = alertMessage(sampleAlertContent(LINK), 'zh-CN');
const en = alertMessage(sampleAlertContent(LINK), 'en-US');
const NOW = 1_775_000_000_123;

const bodyOf = (target: HttpTarget, m = zh): JsonObject => JSON.parse(prepareRequest(target, m, NOW).request.body) as JsonObject;

describe('platform payloads', () => {
  it('WeCom: markdown msgtype, coloured severity, at most 4096 bytes', () => {
    const body = bodyOf({ type: 'wecom', url: 'https://wecom.example/send?key=k' }) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content.startsWith('### 【测试】【警告】销售费用 · 2026-03：离群值')).toBe(true);
    expect(body.markdown.content).toContain('**级别**: <font color="warning">警告</font>');
    expect(body.markdown.content).toContain(`[在 FinPulse 中查看](${LINK})`);
    const long = alertMessage({ ...sampleAlertContent(), finding: { ...sampleAlertContent().finding, explanation: { 'zh-CN': '很长'.repeat(2000), 'en-US': 'x' } } }, 'zh-CN');
    const clipped = bodyOf({ type: 'wecom', url: 'https://wecom.example/send' }, long) as { markdown: { content: string } };
    expect(utf8Length(clipped.markdown.content)).toBeLessThanOrEqual(4096);
    expect(utf8Length(clipped.markdown.content)).toBeGreaterThan(4000);
  });

  it('DingTalk: markdown with a title; unsigned without a secret', () => {
    const prepared = prepareRequest({ type: 'dingtalk', url: 'https://ding.example/robot/send?access_token=t' }, zh, NOW);
    expect(prepared.signing).toBeUndefined();
    expect(JSON.parse(prepared.request.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: zh.title }, at: { isAtAll: false } });
    expect(prepared.request.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
  });

  it('DingTalk signs timestamp + "\\n" + secret under the secret and puts both in the query, URL-encoded', () => {
    const prepared = prepareRequest({ type: 'dingtalk', url: 'https://ding.example/robot/send?access_token=t', secret: 'SECabc' }, zh, NOW);
    expect(prepared.signing!.input).toEqual({ key: 'SECabc', data: `${NOW}\nSECabc`, encoding: 'base64' });
    const signed = prepared.signing!.apply('a+b/c=');
    expect(signed.url).toBe(`https://ding.example/robot/send?access_token=t&timestamp=${NOW}&sign=a%2Bb%2Fc%3D`);
    expect(signed.body).toBe(prepared.request.body);
  });

  it('Feishu: an interactive card by default, a post on request', () => {
    const card = bodyOf({ type: 'feishu', url: 'https://feishu.example/hook/x' }) as { msg_type: string; card: { header: { template: string; title: { content: string } }; elements: Array<{ tag: string }> } };
    expect(card.msg_type).toBe('interactive');
    expect(card.card.header).toEqual({ template: 'orange', title: { tag: 'plain_text', content: zh.title } });
    expect(card.card.elements.map((e) => e.tag)).toEqual(['div', 'div', 'action', 'note']);
    const post = bodyOf({ type: 'feishu', url: 'https://feishu.example/hook/x', format: 'post' }) as { msg_type: string; content: { post: Record<string, { title: string; content: unknown[][] }> } };
    expect(post.msg_type).toBe('post');
    expect(post.content.post['zh_cn']!.title).toBe(zh.title);
    expect(post.content.post['zh_cn']!.content.at(-1)).toEqual([{ tag: 'a', text: '在 FinPulse 中查看', href: LINK }]);
    expect(Object.keys((bodyOf({ type: 'feishu', url: 'https://f', format: 'post' }, en) as { content: { post: object } }).content.post)).toEqual(['en_us']);
  });

  it('Feishu signs with key timestamp + "\\n" + secret over an empty message, timestamp in seconds, both in the body', () => {
    const prepared = prepareRequest({ type: 'feishu', url: 'https://feishu.example/hook/x', secret: 's3' }, zh, NOW);
    const seconds = Math.floor(NOW / 1000);
    expect(prepared.signing!.input).toEqual({ key: `${seconds}\ns3`, data: '', encoding: 'base64' });
    const signed = JSON.parse(prepared.signing!.apply('SIG=').body) as Record<string, unknown>;
    expect(signed['timestamp']).toBe(String(seconds));
    expect(signed['sign']).toBe('SIG=');
    expect(signed['msg_type']).toBe('interactive');
  });

  it('Teams: an Adaptive Card attachment by default, a MessageCard on request', () => {
    const card = bodyOf({ type: 'teams', url: 'https://teams.example/webhook' }, en) as { type: string; attachments: Array<{ contentType: string; content: { type: string; version: string; body: Array<{ type: string }>; actions: unknown[] } }> };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.attachments[0]!.content.body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'FactSet', 'TextBlock']);
    expect(card.attachments[0]!.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in FinPulse', url: LINK }]);
    const legacy = bodyOf({ type: 'teams', url: 'https://teams.example/webhook', format: 'messageCard' }, en);
    expect(legacy).toMatchObject({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: en.title, themeColor: 'D97706' });
    expect(legacy['potentialAction']).toEqual([{ '@type': 'OpenUri', name: 'Open in FinPulse', targets: [{ os: 'default', uri: LINK }] }]);
  });

  it('Slack: blocks with a text fallback, within Block Kit limits', () => {
    const body = bodyOf({ type: 'slack', url: 'https://hooks.example/services/x' }, en) as { text: string; blocks: Array<{ type: string; fields?: unknown[]; text?: { text: string } }> };
    expect(body.text.startsWith(en.title)).toBe(true);
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
    expect(body.blocks[0]!.text!.text).toBe(en.title);
    expect(body.blocks[2]!.fields).toHaveLength(10);
  });

  it('generic webhook: the finding as data, signed as sha256=<hex HMAC of the raw body> with a timestamp header', () => {
    const prepared = prepareRequest({ type: 'webhook', url: 'https://hooks.example/in', secret: 'k' }, en, NOW);
    const body = JSON.parse(prepared.request.body) as { type: string; sentAt: string; test: boolean; finding: { id: string; drivers: unknown[] }; link: string };
    expect(body).toMatchObject({ type: 'finpulse.alert', version: 1, sentAt: new Date(NOW).toISOString(), test: true, severity: 'warning', link: LINK });
    expect(body.finding.id).toBe('selling_expenses|2026-03|robust');
    expect(body.finding.drivers).toHaveLength(2);
    expect(prepared.signing!.input).toEqual({ key: 'k', data: prepared.request.body, encoding: 'hex' });
    const signed = prepared.signing!.apply('00ff');
    expect(signed.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8', 'X-FinPulse-Signature': 'sha256=00ff', 'X-FinPulse-Timestamp': String(Math.floor(NOW / 1000)) });
    // The body sent is byte for byte the body signed.
    expect(signed.body).toBe(prepared.request.body);
  });

  it('e-mail: subject, both bodies and the addresses', () => {
    const mail = emailPayload(zh, { from: 'finpulse@example.com', to: ['cfo@example.com'] });
    expect(mail).toMatchObject({ from: 'finpulse@example.com', to: ['cfo@example.com'], cc: [], subject: zh.title });
    expect(mail.text).toContain(zh.summary);
    expect(mail.html).toContain('<html lang="zh-CN">');
  });
});

describe('validateChannels', () => {
  const located = (value: unknown): string[] => validateChannels(value).problems.map((p) => `${p.severity} ${p.path}: ${p.message['en-US']}`);

  it('accepts one definition or a list, and warns about a webhook address written out', () => {
    expect(located({ id: 'ops', type: 'wecom', urlSecret: 'WECOM_URL' })).toEqual([]);
    const list = [
      { id: 'ops', type: 'dingtalk', urlSecret: 'ding_url', secret: 'ding_secret', locale: 'zh-CN' },
      { id: 'cfo', type: 'email', from: 'fp@example.com', to: ['cfo@example.com'], smtp: { host: 'smtp.example.com', port: 587, user: 'fp', passwordSecret: 'smtp_pw' } },
      { id: 'hook', type: 'webhook', url: 'https://hooks.example/in', secret: 'hook_secret', retries: 2, timeoutMs: 2000 },
      { id: 'team', type: 'teams', url: 'https://teams.example/webhook', format: 'messageCard' },
    ];
    const { channels, problems } = validateChannels(list);
    expect(channels?.map((c) => c.id)).toEqual(['ops', 'cfo', 'hook', 'team']);
    expect(problems.map((p) => `${p.severity} ${p.path}`)).toEqual(['warning $[3].url']);
  });

  it('lists every problem with its path', () => {
    expect(
      located([
        { id: 'a', type: 'pager', url: 'x' },
        { id: 'b', type: 'slack', url: 'ftp://x', timeoutMs: 5 },
      ]),
    ).toEqual([
      'error $[0].type: "pager" is not allowed; use one of: wecom, dingtalk, feishu, teams, slack, webhook, email',
      'error $[0].url: "x" does not match the expected form an http(s) URL',
      'error $[1].url: "ftp://x" does not match the expected form an http(s) URL',
      'error $[1].timeoutMs: 5 is outside the allowed range 100–120000',
    ]);
    expect(
      located([
        { id: 'a', type: 'slack', secret: 'x', format: 'card' },
        { id: 'a', type: 'email', to: ['cfo@example.com'], url: 'https://x.example', urlSecret: 'u' },
        { id: 'c', type: 'feishu', url: 'https://f.example/hook/1', urlSecret: 'u', format: 'markdown' },
      ]),
    ).toEqual([
      'error $[0].secret: Field "secret" does not apply to a channel of type slack; remove it',
      'error $[0].format: Field "format" does not apply to a channel of type slack; remove it',
      'error $[0]: A channel of type slack needs exactly one of "url" and "urlSecret"',
      'error $[1]: A channel of type email needs "from"',
      'error $[1]: A channel of type email needs "smtp"',
      'error $[1].url: Field "url" does not apply to a channel of type email; remove it',
      'error $[1].urlSecret: Field "urlSecret" does not apply to a channel of type email; remove it',
      'error $[2]: A channel of type feishu needs exactly one of "url" and "urlSecret"',
      'error $[2].format: A channel of type feishu has no format "markdown"; use one of: card, post',
      'warning $[2].url: This webhook URL is a credential: anyone holding it can post to the group. Keep it in a secret and name it in "urlSecret"',
      'error $[1].id: Duplicate channel id "a" (first defined at $[0])',
    ]);
  });
});
