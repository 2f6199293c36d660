import { createTransport } from 'nodemailer';
import type { EmailTransport, TransportOutcome } from '../email';

/** nodemailer's error codes for a connection that failed before the server could answer. */
const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED']);

/** SMTP 4xx replies are temporary by definition (RFC 5321); 5xx are final. */
function failure(err: unknown): TransportOutcome {
  const e = err as { responseCode?: unknown; code?: unknown; message?: unknown };
  const detail = typeof e.message === 'string' ? e.message : String(err);
  if (typeof e.responseCode === 'number') return { ok: false, retryable: e.responseCode >= 400 && e.responseCode < 500, network: false, detail };
  const network = typeof e.code === 'string' && NETWORK_CODES.has(e.code);
  return { ok: false, retryable: network, network, detail };
}

/** An EmailTransport over SMTP: one connection per message, closed afterwards (alerts are few). */
export function createSmtpTransport(): EmailTransport {
  return async (email, smtp, timeoutMs) => {
    const transporter = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTLS,
      auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.password ?? '' },
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    try {
      const info = await transporter.sendMail({ from: email.from, to: email.to, cc: email.cc.length > 0 ? email.cc : undefined, subject: email.subject, text: email.text, html: email.html });
      return { ok: true, id: info.messageId };
    } catch (err) {
      return failure(err);
    } finally {
      transporter.close();
    }
  };
}
