// Node-only door: SMTP delivery with nodemailer, for the CLI and the server.
export { createSmtpTransport } from './smtp-transport';
