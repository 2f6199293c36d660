import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { sampleAlertContent, type ChannelDef } from '../../src/core/alerts';
import { createSmtpTransport } from '../../src/notify/smtp';
import { decodeWords, parseMessage } from './mime';
import { closedPort } from './receiver';
import { cli, tempFiles } from '../cli-harness';
import { testNotifier } from './harness';

const PASSWORD = 'smtp-p4ss-Wörd-密码';

interface Mail {
  raw: string;
  from: string;
  to: string[];
  user: unknown;
}

/** A real SMTP server on 127.0.0.1 that requires a login, records what it gets and can refuse a recipient once. */
async function startSmtp() {
  const mails: Mail[] = [];
  const refuseNext: Array<{ code: number; text: string }> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'finpulse' && auth.password === PASSWORD) cb(null, { user: 'finpulse' });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address: SMTPServerAddress, _session: SMTPServerSession, cb) {
      const refusal = refuseNext.shift();
      cb(refusal ? Object.assign(new Error(refusal.text), { responseCode: refusal.code }) : null);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({ raw: Buffer.concat(chunks).toString('utf8'), from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: session.user });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, refuseNext, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

const channel = (port: number, extra: Partial<ChannelDef> = {}): ChannelDef => ({
  id: 'cfo-mail',
  type: 'email',
  locale: 'zh-CN',
  from: 'finpulse@example.com',
  to: ['cfo@example.com', 'controller@example.com'],
  cc: ['audit@example.com'],
  smtp: { host: '127.0.0.1', port, user: 'finpulse', passwordSecret: 'smtp_password' },
  ...extra,
});

const mailNotifier = (password = PASSWORD) => testNotifier({ smtp_password: password }, { email: createSmtpTransport() });

describe('e-mail over SMTP', () => {
  const base = sampleAlertContent('https://finpulse.example.com/#/finding/1');
  const content = { ...base, metric: { ...base.metric!, name: { 'zh-CN': '销售费用 <script>alert(1)</script>', 'en-US': 'Selling <b>expenses</b>' } } };

  it('delivers one message with UTF-8 subject, text and escaped HTML to every recipient', async () => {
    const { notifier, log } = mailNotifier();
    const result = await notifier.deliver(channel(smtp.port), content);
    expect(result).toMatchObject({ ok: true, attempts: 1, type: 'email' });
    expect(log.map((e) => e.status)).toEqual(['sent']);
    const mail = smtp.mails.at(-1)!;
    expect(mail.user).toBe('finpulse');
    expect(mail.from).toBe('finpulse@example.com');
    expect(mail.to).toEqual(['cfo@example.com', 'controller@example.com', 'audit@example.com']);

    const { headers, parts } = parseMessage(mail.raw);
    expect(decodeWords(headers['subject']!)).toBe('【测试】【警告】销售费用 <script>alert(1)</script> · 2026-03：离群值');
    expect(headers['from']).toBe('finpulse@example.com');
    expect(headers['to']).toBe('cfo@example.com, controller@example.com');
    expect(headers['cc']).toBe('audit@example.com');
    expect(headers['mime-version']).toBe('1.0');
    expect(headers['content-type']).toMatch(/^multipart\/alternative; boundary=/);

    expect(parts.map((p) => p.headers['content-type'])).toEqual(['text/plain; charset=utf-8', 'text/html; charset=utf-8']);
    const [text, html] = parts.map((p) => p.body) as [string, string];
    expect(text).toContain('销售费用 1,820,000，比预期 1,290,000 高 41%');
    expect(text).toContain('级别: 警告');
    expect(text).toContain('在 FinPulse 中查看: https://finpulse.example.com/#/finding/1');
    expect(html).toContain('<h2 style="color:#d97706;margin:0 0 8px">【测试】【警告】销售费用 &lt;script&gt;alert(1)&lt;/script&gt; · 2026-03：离群值</h2>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://finpulse.example.com/#/finding/1">在 FinPulse 中查看</a>');
  });

  it('a wrong password is refused for good (535), and the password never shows', async () => {
    const { notifier, log } = mailNotifier('wrong-password-123');
    const result = await notifier.deliver(channel(smtp.port), content);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.error!.code).toBe('notify.smtp');
    expect(result.error!.messageIn('en-US')).toMatch(/^Channel "cfo-mail": the mail server refused the message: Invalid login: 535/);
    expect(JSON.stringify({ log, text: result.error!.text })).not.toContain('wrong-password-123');
  });

  it('a temporary refusal (4xx) is retried', async () => {
    const { notifier, log } = mailNotifier();
    smtp.refuseNext.push({ code: 451, text: 'Greylisted, try again later' });
    const result = await notifier.deliver(channel(smtp.port, { to: ['cfo@example.com'], cc: [] }), content);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(log[0]!.error!.message['en-US']).toContain('451');
  });

  it('a server that is not there is a network failure, retried, then reported', async () => {
    const { notifier, log } = mailNotifier();
    const result = await notifier.deliver(channel(await closedPort(), { retries: 1 }), content);
    expect(result).toMatchObject({ ok: false, attempts: 2 });
    expect(log.map((e) => [e.status, e.error?.code])).toEqual([['retrying', 'notify.network'], ['failed', 'notify.network']]);
  });

  it('`finpulse alert test` sends the sample e-mail through the same transport', async () => {
    const before = smtp.mails.length;
    const f = tempFiles({ 'mail.json': JSON.stringify(channel(smtp.port)), 'secrets.json': JSON.stringify({ smtp_password: PASSWORD }) });
    const r = await cli('alert', 'test', '--channel', f('mail.json'), '--secrets', f('secrets.json'), '--lang', 'en-US');
    expect(r.out).toBe('cfo-mail (email): delivered after 1 attempt(s)\n');
    expect(r.code).toBe(0);
    expect(smtp.mails.length).toBe(before + 1);
    expect(decodeWords(parseMessage(smtp.mails.at(-1)!.raw).headers['subject']!)).toBe('【测试】【警告】销售费用 · 2026-03：离群值');
    expect(r.out + r.err).not.toContain(PASSWORD);
  });
});
