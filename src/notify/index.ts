// Delivery of alerts over an injected fetch (Node and browser): signing with Web Crypto, retries,
// platform answers, the delivery log, secrets and acknowledgements. SMTP e-mail is Node-only and
// has its own door, ./smtp, so the browser bundle never imports nodemailer.
export { createNotifier, type Notifier, type NotifierOptions } from './notifier';
export { sendAlerts, type SendAlertsInput, type SendAlertsResult } from './dispatch';
export type { DeliveryLogEntry, DeliveryResult, DeliveryStatus, DeliverySink } from './log';
export type { EmailTransport, SmtpSettings, TransportOutcome } from './email';
export { redactor, resolveChannel, type ResolvedChannel } from './secrets';
export { hmacSha256, sign, toBase64, toHex } from './hmac';
export { judgeResponse, PLATFORM_NAMES, type AttemptOutcome, type RawResponse } from './responses';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, backoffDelay, type RetryPolicy } from './retry';
export type { FetchLike } from './http';
export { ACKNOWLEDGE_ACTION, acknowledge, loadAcknowledgements } from './acknowledge';
