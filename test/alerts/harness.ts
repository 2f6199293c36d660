import type { ChannelDef } from '../../src/core/alerts';
import type { SecretStore } from '../../src/core/secrets';
import { createNotifier, type DeliveryLogEntry, type NotifierOptions } from '../../src/notify';
import { startReceiver, type Receiver } from './receiver';

/** Credentials the way each platform issues them; tests check none of them ever shows up in output. */
export const CREDENTIALS = {
  wecomKey: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  dingToken: 'b7f3c0c2e6a94c1f8d2e5a7b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d',
  dingSecret: 'SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc',
  feishuHook: '8d1f2c3b-aaaa-bbbb-cccc-0123456789ab',
  feishuSecret: 'qRst7UvWx9yZ0aBcDeF1gH',
  teamsHook: 'f00dbabe-1234-5678-9abc-def012345678IncomingWebhook',
  slackHook: 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  hookSecret: 'whsec_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c',
};

export async function startPlatforms(): Promise<Receiver> {
  return startReceiver({
    wecom: { key: CREDENTIALS.wecomKey },
    dingtalk: { token: CREDENTIALS.dingToken, secret: CREDENTIALS.dingSecret },
    feishu: { hook: CREDENTIALS.feishuHook, secret: CREDENTIALS.feishuSecret },
    teams: { hook: CREDENTIALS.teamsHook },
    slack: { hook: CREDENTIALS.slackHook },
    webhook: { secret: CREDENTIALS.hookSecret },
  });
}

/** The secrets a deployment would hold for the receiver's platforms. */
export function platformSecrets(r: Receiver): Record<string, string> {
  return {
    wecom_url: r.url(`/wecom/cgi-bin/webhook/send?key=${CREDENTIALS.wecomKey}`),
    ding_url: r.url(`/dingtalk/robot/send?access_token=${CREDENTIALS.dingToken}`),
    ding_secret: CREDENTIALS.dingSecret,
    feishu_url: r.url(`/feishu/${CREDENTIALS.feishuHook}`),
    feishu_secret: CREDENTIALS.feishuSecret,
    teams_url: r.url(`/teams/${CREDENTIALS.teamsHook}`),
    slack_url: r.url(`/slack/services/${CREDENTIALS.slackHook}`),
    hook_url: r.url('/webhook/finpulse'),
    hook_secret: CREDENTIALS.hookSecret,
  };
}

export const CHANNELS: Record<'wecom' | 'dingtalk' | 'feishu' | 'teams' | 'slack' | 'webhook', ChannelDef> = {
  wecom: { id: 'ops-wecom', type: 'wecom', urlSecret: 'wecom_url', locale: 'zh-CN' },
  dingtalk: { id: 'ops-ding', type: 'dingtalk', urlSecret: 'ding_url', secret: 'ding_secret', locale: 'zh-CN' },
  feishu: { id: 'ops-feishu', type: 'feishu', urlSecret: 'feishu_url', secret: 'feishu_secret', locale: 'zh-CN' },
  teams: { id: 'fin-teams', type: 'teams', urlSecret: 'teams_url', locale: 'en-US' },
  slack: { id: 'fin-slack', type: 'slack', urlSecret: 'slack_url', locale: 'en-US' },
  webhook: { id: 'erp-hook', type: 'webhook', urlSecret: 'hook_url', secret: 'hook_secret' },
};

export function secretsFrom(values: Record<string, string>): SecretStore {
  return { get: (name) => Promise.resolve(values[name]), where: (name) => `the test secrets (${name})` };
}

/** A notifier over the real fetch with short backoff, recording every log entry. */
export function testNotifier(secrets: Record<string, string>, extra: Partial<NotifierOptions> = {}) {
  const log: DeliveryLogEntry[] = [];
  const notifier = createNotifier({ fetch: globalThis.fetch, secrets: secretsFrom(secrets), log: (e) => log.push(e), retry: { baseDelayMs: 10, maxDelayMs: 2000 }, timeoutMs: 2000, ...extra });
  return { notifier, log };
}

/** Fails the test if any credential appears in the text. */
export function expectNoCredentials(text: string, extra: readonly string[] = []): void {
  for (const secret of [...Object.values(CREDENTIALS), ...extra]) expect(text).not.toContain(secret);
}
