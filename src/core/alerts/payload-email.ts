import type { ChannelDef } from './channel';
import type { AlertMessage } from './message';
import { renderHtml, renderText } from './render';

/** An e-mail ready for an SMTP transport: both bodies carry the same content. */
export interface EmailPayload {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

export function emailPayload(m: AlertMessage, channel: Pick<ChannelDef, 'from' | 'to' | 'cc'>): EmailPayload {
  return { from: channel.from ?? '', to: [...(channel.to ?? [])], cc: [...(channel.cc ?? [])], subject: m.title, text: renderText(m), html: renderHtml(m) };
}
