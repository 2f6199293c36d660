import { emptyAlertState, evaluateRules, releaseAlerts, sampleAlertContent, validateAlertRules, type ChannelDef } from '../../src/core/alerts';
import { makeFinding, metricDef } from '../../src/core/alerts/testing/factories';
import { sendAlerts } from '../../src/notify';
import { closedPort, type Receiver } from './receiver';
import { CHANNELS, expectNoCredentials, platformSecrets, startPlatforms, testNotifier } from './harness';

const content = sampleAlertContent();

let receiver: Receiver;
let secrets: Record<string, string>;
beforeAll(async () => {
  receiver = await startPlatforms();
  secrets = platformSecrets(receiver);
});
afterAll(async () => receiver.close());

const busy = { status: 503, body: 'upstream busy' };

describe('retries and the delivery log', () => {
  it('retries a 5xx with growing delays and logs every attempt', async () => {
    const { notifier, log } = testNotifier(secrets, { retry: { baseDelayMs: 40, maxDelayMs: 1000 } });
    receiver.script('webhook', busy, { status: 502, body: 'bad gateway' });
    const started = Date.now();
    const result = await notifier.deliver(CHANNELS.webhook, content);
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 + 80);
    expect(log.map((e) => [e.attempt, e.status, e.httpStatus])).toEqual([
      [1, 'retrying', 503],
      [2, 'retrying', 502],
      [3, 'sent', 204],
    ]);
    expect(log[0]!.error!.message['en-US']).toBe('Channel "erp-hook": the server answered HTTP 503 (upstream busy)');
    expect(log.every((e) => e.channel === 'erp-hook' && e.type === 'webhook' && e.subject === content.finding.id && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // Each attempt is signed afresh, and every one verified at the receiver.
    expect(receiver.received.slice(-3).map((r) => r.headers['x-finpulse-signature'])).toHaveLength(3);
  });

  it('gives up after the last retry and reports the failure', async () => {
    const { notifier, log } = testNotifier(secrets);
    receiver.script('webhook', busy, busy, busy);
    const result = await notifier.deliver({ ...CHANNELS.webhook, retries: 2 }, content);
    expect(result).toMatchObject({ ok: false, attempts: 3 });
    expect(result.error!.code).toBe('notify.http');
    expect(log.map((e) => e.status)).toEqual(['retrying', 'retrying', 'failed']);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const { notifier } = testNotifier(secrets, { retry: { baseDelayMs: 10, maxDelayMs: 5000 } });
    receiver.script('slack', { status: 429, body: 'rate_limited', headers: { 'retry-after': '1' } });
    const started = Date.now();
    const result = await notifier.deliver(CHANNELS.slack, content);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries the platforms' own rate-limit codes inside a 200", async () => {
    const { notifier, log } = testNotifier(secrets);
    receiver.script('wecom', { status: 200, body: JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }) });
    receiver.script('dingtalk', { status: 200, body: JSON.stringify({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }) });
    expect(await notifier.deliver(CHANNELS.wecom, content)).toMatchObject({ ok: true, attempts: 2 });
    expect(await notifier.deliver(CHANNELS.dingtalk, content)).toMatchObject({ ok: true, attempts: 2 });
    expect(log.filter((e) => e.status === 'retrying').map((e) => e.error!.message['en-US'])).toEqual([
      'Channel "ops-wecom": 企业微信 WeCom is limiting the sending rate (45009 api freq out of limit)',
      'Channel "ops-ding": 钉钉 DingTalk is limiting the sending rate (130101 send too fast, exceed 20 times per minute)',
    ]);
  });

  it('times out a server that never answers, and retries', async () => {
    const { notifier, log } = testNotifier(secrets);
    receiver.script('teams', 'hang', 'hang');
    const started = Date.now();
    const result = await notifier.deliver({ ...CHANNELS.teams, timeoutMs: 300, retries: 1 }, content);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(result).toMatchObject({ ok: false, attempts: 2 });
    expect(log.map((e) => e.error?.message['en-US'])).toEqual(['Channel "fin-teams": no answer within 300 ms', 'Channel "fin-teams": no answer within 300 ms']);
  });

  it('reports a refused connection without the address’s secret parts', async () => {
    const port = await closedPort();
    const token = 'tok_9f8e7d6c5b4a3f2e1d0c';
    const { notifier, log } = testNotifier({ ...secrets, hook_url: `http://127.0.0.1:${port}/hooks/${token}?key=${token}` });
    const result = await notifier.deliver({ ...CHANNELS.webhook, retries: 1 }, content);
    expect(result).toMatchObject({ ok: false, attempts: 2 });
    expect(result.error!.code).toBe('notify.network');
    expect(result.error!.messageIn('en-US')).toMatch(/^Channel "erp-hook": could not reach the server \(fetch failed: .*ECONNREFUSED.*\); check the address and the network$/);
    expectNoCredentials(JSON.stringify({ log, text: result.error!.text }), [token]);
  });

  it('a missing secret is a logged failure that says which secret and where to put it', async () => {
    const { notifier, log } = testNotifier({});
    const result = await notifier.deliver(CHANNELS.dingtalk, content);
    expect(result).toMatchObject({ ok: false, attempts: 0 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ attempt: 0, status: 'failed', channel: 'ops-ding' });
    expect(result.error!.messageIn('en-US')).toBe('Channel "ops-ding": secret "ding_url" is not set; add it to the test secrets (ding_url)');
  });

  it('an e-mail channel without an SMTP transport fails plainly (the browser case)', async () => {
    const { notifier } = testNotifier(secrets);
    const mail: ChannelDef = { id: 'cfo', type: 'email', from: 'fp@example.com', to: ['cfo@example.com'], smtp: { host: '127.0.0.1', port: 25 } };
    const result = await notifier.deliver(mail, content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.code).toBe('notify.noEmail');
  });

  it('an unexpected throw inside an attempt is a logged failure, not an exception', async () => {
    const { notifier, log } = testNotifier(secrets, {
      email: () => {
        throw new Error('transport bug');
      },
    });
    const mail: ChannelDef = { id: 'cfo', type: 'email', from: 'fp@example.com', to: ['cfo@example.com'], smtp: { host: '127.0.0.1', port: 25 } };
    const result = await notifier.deliver(mail, content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.messageIn('en-US')).toBe('Unexpected error: transport bug');
    expect(log.map((e) => e.status)).toEqual(['failed']);
  });
});

describe('rules to delivery: evaluate, send, and put back what did not arrive', () => {
  const catalog = { metrics: [metricDef('selling_expenses', { tags: ['opex'], name: { 'zh-CN': '销售费用', 'en-US': 'Selling expenses' } })] };
  const finding = makeFinding({ metric: 'selling_expenses', severity: 'critical' });
  const channels = [CHANNELS.wecom, CHANNELS.webhook];
  const { rules } = validateAlertRules([{ id: 'opex', scope: { tags: ['opex'] }, channels: ['ops-wecom', 'erp-hook'] }], { catalog, channelIds: channels.map((c) => c.id) });
  const now = new Date();

  it('a delivered alert is not sent again', async () => {
    const { notifier } = testNotifier(secrets);
    const first = evaluateRules({ rules: rules!, findings: [finding], catalog, state: emptyAlertState(), now });
    const sent = await sendAlerts({ alerts: first.alerts, channels, catalog, notifier, linkTemplate: 'https://fp.example.com/f/{finding}' });
    expect(sent.deliveries.map((d) => [d.result.channel, d.result.ok])).toEqual([['ops-wecom', true], ['erp-hook', true]]);
    expect(sent.undelivered).toEqual([]);
    expect((receiver.received.at(-1)!.json as { link: string }).link).toBe('https://fp.example.com/f/selling_expenses%7C2026-03%7Crobust');
    const again = evaluateRules({ rules: rules!, findings: [finding], catalog, state: first.nextState, now: new Date(now.getTime() + 60_000) });
    expect(again.alerts).toEqual([]);
  });

  it('an alert no channel delivered is released and goes out on the next run', async () => {
    const { notifier } = testNotifier({ ...secrets, hook_secret: 'whsec_wrong', wecom_url: receiver.url('/wecom/cgi-bin/webhook/send?key=revoked') });
    const first = evaluateRules({ rules: rules!, findings: [finding], catalog, state: emptyAlertState(), now });
    const sent = await sendAlerts({ alerts: first.alerts, channels, catalog, notifier });
    expect(sent.deliveries.map((d) => d.result.error?.code)).toEqual(['notify.rejected.url', 'notify.http']);
    expect(sent.undelivered).toEqual([{ ruleId: 'opex', dedupKey: finding.id }]);
    const state = releaseAlerts(first.nextState, emptyAlertState(), sent.undelivered);
    const retry = evaluateRules({ rules: rules!, findings: [finding], catalog, state, now: new Date(now.getTime() + 60_000) });
    expect(retry.alerts.map((a) => a.reason)).toEqual(['new']);
    const healthy = testNotifier(secrets).notifier;
    expect((await sendAlerts({ alerts: retry.alerts, channels, catalog, notifier: healthy })).undelivered).toEqual([]);
  });

  it('a channel that failed after every retry is not tried again in the same run', async () => {
    const { notifier } = testNotifier({ ...secrets, hook_url: `http://127.0.0.1:${await closedPort()}/hook` });
    const rulesDef = ['finance', 'controller'].map((id) => ({ id, scope: { tags: ['opex'] }, channels: ['erp-hook'] }));
    const hookOnly = validateAlertRules(rulesDef, { catalog, channelIds: ['erp-hook'] }).rules!;
    const { alerts } = evaluateRules({ rules: hookOnly, findings: [finding], catalog, state: emptyAlertState(), now });
    expect(alerts).toHaveLength(2);
    const sent = await sendAlerts({ alerts, channels, catalog, notifier });
    expect(sent.deliveries.map((d) => [d.result.attempts > 1, d.result.error?.code])).toEqual([[true, 'notify.network'], [false, 'alerts.channelDown']]);
    expect(sent.undelivered).toHaveLength(2);
  });

  it('a rule naming a channel that does not exist reports it', async () => {
    const { notifier } = testNotifier(secrets);
    const { alerts } = evaluateRules({ rules: [{ id: 'x', channels: ['pager'] }], findings: [finding], catalog, state: emptyAlertState(), now });
    const sent = await sendAlerts({ alerts, channels, catalog, notifier });
    expect(sent.deliveries[0]!.result.error!.messageIn('en-US')).toBe('Channel "pager" is not defined; defined channels: ops-wecom, erp-hook');
    expect(sent.undelivered).toHaveLength(1);
  });
});
