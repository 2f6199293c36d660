import { sampleAlertContent } from '../../src/core/alerts';
import type { Receiver } from './receiver';
import { CHANNELS, expectNoCredentials, platformSecrets, startPlatforms, testNotifier } from './harness';

const LINK = 'https://finpulse.example.com/#/finding/selling_expenses%7C2026-03%7Crobust';
const content = sampleAlertContent(LINK);

let receiver: Receiver;
let secrets: Record<string, string>;
beforeAll(async () => {
  receiver = await startPlatforms();
  secrets = platformSecrets(receiver);
});
afterAll(async () => receiver.close());

const last = () => receiver.received.at(-1)!;
type Obj = Record<string, unknown>;

describe('each platform accepts the message, signature and payload checked as the platform does', () => {
  it('WeCom group bot: markdown in Chinese', async () => {
    const { notifier, log } = testNotifier(secrets);
    const result = await notifier.deliver(CHANNELS.wecom, content);
    expect(result).toMatchObject({ ok: true, attempts: 1, channel: 'ops-wecom', type: 'wecom' });
    expect(log.map((e) => [e.status, e.httpStatus])).toEqual([['sent', 200]]);
    const body = last().json as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('### 【测试】【警告】销售费用 · 2026-03：离群值');
    expect(body.markdown.content).toContain('**预期值**: 1,290,000');
    expect(last().headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('DingTalk robot: signed query, markdown with a title', async () => {
    const { notifier } = testNotifier(secrets);
    const result = await notifier.deliver(CHANNELS.dingtalk, content);
    expect(result.ok).toBe(true);
    const r = last();
    expect(Math.abs(Number(r.query.get('timestamp')) - Date.now())).toBeLessThan(5000);
    expect(r.query.get('sign')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((r.json as { markdown: { title: string } }).markdown.title).toBe('【测试】【警告】销售费用 · 2026-03：离群值');
  });

  it('Feishu bot: signed body, interactive card; and a rich-text post', async () => {
    const { notifier } = testNotifier(secrets);
    expect((await notifier.deliver(CHANNELS.feishu, content)).ok).toBe(true);
    const card = last().json as Obj;
    expect(card['msg_type']).toBe('interactive');
    expect(Number(card['timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect((await notifier.deliver({ ...CHANNELS.feishu, format: 'post' }, content)).ok).toBe(true);
    expect((last().json as Obj)['msg_type']).toBe('post');
  });

  it('Teams: Adaptive Card and MessageCard both accepted', async () => {
    const { notifier } = testNotifier(secrets);
    expect((await notifier.deliver(CHANNELS.teams, content)).ok).toBe(true);
    const card = last().json as { attachments: Array<{ content: { body: Array<{ text?: string }> } }> };
    expect(card.attachments[0]!.content.body[0]!.text).toBe('[Test] [Warning] Selling expenses · 2026-03: outlier');
    expect((await notifier.deliver({ ...CHANNELS.teams, format: 'messageCard' }, content)).ok).toBe(true);
    expect((last().json as Obj)['@type']).toBe('MessageCard');
  });

  it('Slack: blocks and the text fallback', async () => {
    const { notifier } = testNotifier(secrets);
    expect((await notifier.deliver(CHANNELS.slack, content)).ok).toBe(true);
    const body = last().json as { text: string; blocks: Array<{ type: string }> };
    expect(body.text.split('\n')[0]).toBe('[Test] [Warning] Selling expenses · 2026-03: outlier');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
  });

  it('generic webhook: HMAC of the raw body in X-FinPulse-Signature, the finding as data', async () => {
    const { notifier, log } = testNotifier(secrets, { locale: 'zh-CN' });
    expect((await notifier.deliver(CHANNELS.webhook, content)).ok).toBe(true);
    expect(log[0]!.httpStatus).toBe(204);
    const body = last().json as { locale: string; link: string; finding: { actual: number; expected: number; drivers: Array<{ member: string }> } };
    expect(body.locale).toBe('zh-CN');
    expect(body.link).toBe(LINK);
    expect(body.finding).toMatchObject({ actual: 1_820_000, expected: 1_290_000 });
    expect(body.finding.drivers[0]!.member).toBe('East-2');
  });
});

describe('each platform refusing, in its own words', () => {
  it('DingTalk with the wrong secret: errcode 310000 in a 200 is a failure, not retried, secret not shown', async () => {
    const { notifier, log } = testNotifier({ ...secrets, ding_secret: 'SECwrong0000000000000000000000000000' });
    const result = await notifier.deliver(CHANNELS.dingtalk, content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.code).toBe('notify.rejected.sign');
    expect(result.error!.messageIn('en-US')).toMatch(/^Channel "ops-ding": 钉钉 DingTalk refused the message \(code 310000: sign not match.*Check the signing secret/);
    expect(result.error!.messageIn('zh-CN')).toContain('请检查签名密钥');
    expect(log.map((e) => [e.status, e.httpStatus, e.error?.code])).toEqual([['failed', 200, 'notify.rejected.sign']]);
    expectNoCredentials(JSON.stringify({ result, log, message: result.error!.message }), ['SECwrong0000000000000000000000000000']);
  });

  it('DingTalk with a stale clock is refused the same way (timestamp outside the hour)', async () => {
    const { notifier } = testNotifier(secrets, { now: () => Date.now() - 2 * 3_600_000 });
    expect((await notifier.deliver(CHANNELS.dingtalk, content)).error!.code).toBe('notify.rejected.sign');
  });

  it('DingTalk with a wrong token: 300001 points at the address', async () => {
    const { notifier } = testNotifier({ ...secrets, ding_url: receiver.url('/dingtalk/robot/send?access_token=nope-nope-nope') });
    const result = await notifier.deliver(CHANNELS.dingtalk, content);
    expect(result.error!.code).toBe('notify.rejected.url');
    expect(result.error!.messageIn('en-US')).toContain('code 300001: token is not exist');
  });

  it('Feishu with the wrong secret: code 19021', async () => {
    const { notifier } = testNotifier({ ...secrets, feishu_secret: 'not-the-secret' });
    const result = await notifier.deliver(CHANNELS.feishu, content);
    expect(result.error!.code).toBe('notify.rejected.sign');
    expect(result.error!.messageIn('en-US')).toContain('飞书 Feishu refused the message (code 19021: sign match fail');
  });

  it('WeCom with a wrong key: errcode 93000', async () => {
    const { notifier } = testNotifier({ ...secrets, wecom_url: receiver.url('/wecom/cgi-bin/webhook/send?key=00000000-dead-beef') });
    const result = await notifier.deliver(CHANNELS.wecom, content);
    expect(result.error!.code).toBe('notify.rejected.url');
    expect(result.error!.messageIn('zh-CN')).toContain('代码 93000：invalid webhook url');
    expectNoCredentials(JSON.stringify(result.error!.text), ['00000000-dead-beef']);
  });

  it('Slack with a revoked hook: 403 invalid_token', async () => {
    const { notifier } = testNotifier({ ...secrets, slack_url: receiver.url('/slack/services/T0/B0/revokedrevokedrevoked') });
    const result = await notifier.deliver(CHANNELS.slack, content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.code).toBe('notify.rejected.url');
    expect(result.error!.messageIn('en-US')).toContain('Slack refused the message (code invalid_token');
    expect(JSON.stringify(result.error!.text)).not.toContain('revokedrevokedrevoked');
  });

  it('Teams reporting a failure inside a 200: a bad card is final, a 429 inside is retried', async () => {
    const { notifier, log } = testNotifier(secrets);
    receiver.script('teams', { status: 200, body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400 with ContextId x' });
    const bad = await notifier.deliver(CHANNELS.teams, content);
    expect(bad.error!.code).toBe('notify.rejected.payload');
    receiver.script('teams', { status: 200, body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId x' });
    const throttled = await notifier.deliver(CHANNELS.teams, content);
    expect(throttled).toMatchObject({ ok: true, attempts: 2 });
    expect(log.slice(1).map((e) => [e.status, e.error?.code])).toEqual([['retrying', 'notify.rateLimited'], ['sent', undefined]]);
  });

  it('webhook with the wrong signing secret: HTTP 401 is final', async () => {
    const { notifier } = testNotifier({ ...secrets, hook_secret: 'whsec_wrong' });
    const result = await notifier.deliver(CHANNELS.webhook, content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.messageIn('en-US')).toBe('Channel "erp-hook": the server answered HTTP 401 (bad signature)');
  });

  it('an answer that is not the platform’s is not taken for success', async () => {
    const { notifier } = testNotifier(secrets);
    receiver.script('wecom', { status: 200, body: '<html>captive portal</html>' });
    const result = await notifier.deliver(CHANNELS.wecom, content);
    expect(result.error!.code).toBe('notify.unexpected');
    expect(result.error!.messageIn('en-US')).toContain('<html>captive portal</html>');
  });

  it('a redirect is not followed: the signed request must not go elsewhere', async () => {
    const { notifier } = testNotifier(secrets);
    receiver.script('webhook', { status: 302, body: '', headers: { location: 'http://127.0.0.1:9/steal' } });
    const result = await notifier.deliver(CHANNELS.webhook, content);
    expect(result.error!.code).toBe('notify.redirect');
    expect(receiver.received.at(-1)!.path).toBe('/webhook/finpulse');
  });
});
