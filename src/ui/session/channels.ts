import type { WritableSecretStore } from './services';
import type { PaneSettings } from './state';

export type ChannelSetting = PaneSettings['channels'][number];

/**
 * Alert channels are kept per user in the encrypted secret store, never in the workbook: a WeCom,
 * DingTalk or Feishu webhook address carries its key in the URL, so the address is the credential.
 */
export const CHANNELS_SECRET = 'FINPULSE_CHANNELS';

export async function loadChannels(secrets: WritableSecretStore): Promise<ChannelSetting[]> {
  const saved = await secrets.get(CHANNELS_SECRET);
  if (saved === undefined) return [];
  const list: unknown = JSON.parse(saved);
  return Array.isArray(list) ? list.filter(isChannel) : [];
}

export async function saveChannels(secrets: WritableSecretStore, channels: readonly ChannelSetting[]): Promise<void> {
  await secrets.set(CHANNELS_SECRET, JSON.stringify(channels.map(({ id, type, url }) => ({ id, type, url }))));
}

function isChannel(c: unknown): c is ChannelSetting {
  if (c === null || typeof c !== 'object') return false;
  const r = c as Record<string, unknown>;
  return typeof r['id'] === 'string' && typeof r['type'] === 'string' && typeof r['url'] === 'string';
}
