import type { ChannelType } from '../core/alerts';
import type { AppError } from '../core/errors';
import type { Localized, MessageCode } from '../core/i18n';

export type DeliveryStatus = 'sent' | 'retrying' | 'failed';

/** One attempt to deliver one message, as handed to the log sink. Secrets are already redacted. */
export interface DeliveryLogEntry {
  channel: string;
  type: ChannelType;
  /** 1 for the first try; 0 when nothing could be sent (e.g. a missing secret). */
  attempt: number;
  status: DeliveryStatus;
  /** ISO-8601 start of the attempt. */
  at: string;
  durationMs: number;
  /** The finding the message was about. */
  subject: string;
  httpStatus?: number;
  error?: { code: MessageCode; message: Localized };
}

/** Receives every attempt, so a failure is always recorded somewhere (a file, the console, IndexedDB). */
export type DeliverySink = (entry: DeliveryLogEntry) => void;

export interface DeliveryResult {
  channel: string;
  type: ChannelType;
  ok: boolean;
  attempts: number;
  /** The last failure, when not delivered. */
  error?: AppError;
  log: DeliveryLogEntry[];
}
