import { main } from '../../src/cli/main';
import { cli, tempFiles } from '../cli-harness';
import type { Receiver } from './receiver';
import { CHANNELS, expectNoCredentials, platformSecrets, startPlatforms } from './harness';

let receiver: Receiver;
let secrets: Record<string, string>;
beforeAll(async () => {
  receiver = await startPlatforms();
  secrets = platformSecrets(receiver);
});
afterAll(async () => receiver.close());

const files = (channels: unknown, secretValues: Record<string, string>) =>
  tempFiles({ 'channels.json': JSON.stringify(channels, null, 2), 'secrets.json': JSON.stringify(secretValues) });

describe('finpulse alert test', () => {
  it('sends the sample through every channel, prints each attempt, and keeps secrets out of the output', async () => {
    const f = files([CHANNELS.dingtalk, CHANNELS.webhook, CHANNELS.slack], secrets);
    const before = receiver.received.length;
    const r = await cli('alert', 'test', '--channel', f('channels.json'), '--secrets', f('secrets.json'), '--link', 'https://fp.example.com/x', '--lang', 'en-US');
    expect(r.code).toBe(0);
    expect(r.out).toBe(['ops-ding (dingtalk): delivered after 1 attempt(s)', 'erp-hook (webhook): delivered after 1 attempt(s)', 'fin-slack (slack): delivered after 1 attempt(s)', ''].join('\n'));
    expect(r.err).toBe(['ops-ding (dingtalk) attempt 1: delivered (HTTP 200)', 'erp-hook (webhook) attempt 1: delivered (HTTP 204)', 'fin-slack (slack) attempt 1: delivered (HTTP 200)', ''].join('\n'));
    const got = receiver.received.slice(before);
    expect(got.map((x) => x.platform)).toEqual(['dingtalk', 'webhook', 'slack']);
    expect((got[1]!.json as { test: boolean; link: string }).test).toBe(true);
    expect((got[1]!.json as { link: string }).link).toBe('https://fp.example.com/x');
    expectNoCredentials(r.out + r.err);
  });

  it('exits 1 and says why when a platform refuses, in the chosen language', async () => {
    const f = files([CHANNELS.dingtalk], { ...secrets, ding_secret: 'SECnot-the-right-one-000000' });
    const r = await cli('--lang', 'zh-CN', 'alert', 'test', '--channel', f('channels.json'), '--secrets', f('secrets.json'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('ops-ding（dingtalk）第 1 次尝试：失败 — 通道"ops-ding"：钉钉 DingTalk拒绝了该消息（代码 310000');
    expect(r.err).toContain('ops-ding（dingtalk）：未送达，共尝试 1 次');
    expect(r.err).toContain('1 个通道中有 1 个发送失败');
    expectNoCredentials(r.err, ['SECnot-the-right-one-000000']);
  });

  it('reads secrets from FINPULSE_SECRET_<NAME> when there is no secrets file, and names the variable when one is missing', async () => {
    const f = files(CHANNELS.webhook, {});
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    const env = { FINPULSE_SECRET_HOOK_URL: secrets['hook_url'], FINPULSE_SECRET_HOOK_SECRET: secrets['hook_secret'] };
    expect(await main(['alert', 'test', '--channel', f('channels.json'), '--lang', 'en-US'], io, env)).toBe(0);
    expect(out).toBe('erp-hook (webhook): delivered after 1 attempt(s)\n');
    err = '';
    expect(await main(['alert', 'test', '--channel', f('channels.json'), '--lang', 'en-US'], io, { FINPULSE_SECRET_HOOK_URL: secrets['hook_url'] })).toBe(1);
    expect(err).toContain('erp-hook (webhook) attempt 0: failed — Channel "erp-hook": secret "hook_secret" is not set; add it to FINPULSE_SECRET_HOOK_SECRET');
    expect(err).toContain('erp-hook (webhook): NOT delivered after 0 attempt(s)');
  });

  it('lists every problem of a bad channel file with its path, and sends nothing', async () => {
    const before = receiver.received.length;
    const f = files([{ id: 'ops', type: 'wecom' }, { id: 'x', type: 'dingtalk', url: receiver.url('/dingtalk/robot/send'), secret: 'ding_secret', colour: 'red' }], secrets);
    const r = await cli('alert', 'test', '--channel', f('channels.json'), '--lang', 'en-US');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f('channels.json')}: error $[0]: A channel of type wecom needs exactly one of "url" and "urlSecret"`);
    expect(r.err).toContain(`${f('channels.json')}: error $[1].colour: Unknown field "colour"`);
    expect(receiver.received.length).toBe(before);
  });

  it('points at the line and column of broken JSON, and at a secrets file that is not a map of strings', async () => {
    const broken = tempFiles({ 'channels.json': '{\n  "id": "ops",\n  "type": "wecom",\n}', 'secrets.json': '{"a": 1}', 'ok.json': JSON.stringify(CHANNELS.wecom) });
    const r = await cli('alert', 'test', '--channel', broken('channels.json'), '--lang', 'en-US');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^finpulse: .*channels\.json is not valid JSON: .*\(line 4, column 1\)\n$/);
    const leaky = tempFiles({ 'secrets.json': '{"ding_secret": "SECleaky123456789",}' });
    const l = await cli('alert', 'test', '--channel', broken('ok.json'), '--secrets', leaky('secrets.json'), '--lang', 'en-US');
    expect(l.err).toBe(`finpulse: Cannot read ${leaky('secrets.json')}: not valid JSON (line 1, column 37)\n`);
    const s = await cli('alert', 'test', '--channel', broken('ok.json'), '--secrets', broken('secrets.json'), '--lang', 'en-US');
    expect(s.code).toBe(1);
    expect(s.err).toContain('expected an object of secret names to text values');
  });

  it('is a usage error without --channel or with an unknown subcommand', async () => {
    expect((await cli('alert', 'test')).code).toBe(2);
    const r = await cli('alert', 'send', '--lang', 'en-US');
    expect(r.code).toBe(2);
    expect(r.err).toContain('finpulse alert test --channel FILE.json');
    expect((await cli('--help')).out).toContain('finpulse alert test --channel FILE.json');
  });
});
