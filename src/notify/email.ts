import type { EmailPayload } from '../core/alerts';

/** The SMTP server of an e-mail channel, with its password looked up. */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  user?: string;
  password?: string;
}

export type TransportOutcome = { ok: true; id?: string } | { ok: false; retryable: boolean; network: boolean; detail: string };

/**
 * Sends one e-mail. The SMTP implementation (nodemailer) is Node-only and lives behind its own
 * door, `src/notify/smtp`, so the browser bundle never pulls it in.
 */
export type EmailTransport = (email: EmailPayload, smtp: SmtpSettings, timeoutMs: number) => Promise<TransportOutcome>;
