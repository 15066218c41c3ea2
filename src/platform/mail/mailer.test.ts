import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load.ts';
import { createLogger } from '../logger.ts';
import { isMailError, MailError } from './errors.ts';
import { createMailer, type Mailer, type MailMessage } from './mailer.ts';

const FROM = 'Comity XA <comity@ca.xa.example>';
const PASSWORD = 'S3cr\u00e9t/pa:ss@word';
const ENCODED_PASSWORD = encodeURIComponent(PASSWORD);
const MESSAGE: MailMessage = {
  to: ['petra.novak@ca.xb.example', 'duty@ca.xb.example'],
  subject: 'Reminder: acknowledgment of XA-2026-0417 due at 03:31 UTC',
  text: 'The 60-minute acknowledgment clock of request XA-2026-0417 is due soon.\nOpen Comity to acknowledge.',
};

interface Received {
  readonly mailFrom: string;
  readonly rcptTo: string[];
  readonly raw: string;
}

interface TestServer {
  readonly port: number;
  readonly received: Received[];
  readonly auths: { username: string | null | undefined; password: string | null | undefined }[];
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real SMTP server on `host`, port 0 (plain, no STARTTLS). */
async function smtpServer(options: SMTPServerOptions = {}, host = '127.0.0.1'): Promise<TestServer> {
  const received: Received[] = [];
  const auths: TestServer['auths'] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      auths.push({ username: auth.username, password: auth.password });
      cb(null, { user: auth.username ?? undefined });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        received.push({ mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const close = (): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
  cleanups.push(close);
  return { port, received, auths, close };
}

/** A logger whose lines are kept in memory. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (s: string) => void lines.push(s) });
  return { logger, text: () => lines.join('') };
}

function mailer(opts: Parameters<typeof createMailer>[0]): Mailer {
  const m = createMailer(opts);
  if (!m) throw new Error('expected a mailer');
  cleanups.push(() => m.close());
  return m;
}

async function failure(p: Promise<unknown>): Promise<MailError> {
  try {
    await p;
  } catch (e) {
    if (isMailError(e)) return e;
    throw e;
  }
  throw new Error('expected the send to fail');
}

function expectNoPassword(...texts: string[]): void {
  const base64 = Buffer.from(PASSWORD).toString('base64');
  for (const t of texts) {
    expect(t).not.toContain(PASSWORD);
    expect(t).not.toContain(ENCODED_PASSWORD);
    expect(t).not.toContain(base64);
  }
}

describe('createMailer: configuration', () => {
  it.each(['', '   '])('returns null when smtpUrl is empty (%j): reminders stay in the application', (smtpUrl) => {
    expect(createMailer({ smtpUrl, from: '' })).toBeNull();
  });

  it.each([
    ['http://mail.example', FROM, /smtpUrl must use smtp:\/\//],
    ['not a url', FROM, /smtpUrl must be a URL/],
    ['smtp://mail.example', '', /smtpFrom is required when smtpUrl is set/],
    ['smtp://mail.example', '   ', /smtpFrom is required/],
    ['smtp://mail.example', 'Comity XA', /smtpFrom must be an e-mail address/],
    ['smtp://mail.example', 'comity@ca.xa.example\r\nBcc: evil@x.example', /smtpFrom must be an e-mail address/],
  ])('refuses smtpUrl %j with smtpFrom %j', (smtpUrl, from, message) => {
    let caught: unknown;
    try {
      createMailer({ smtpUrl, from });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses a URL with a password without echoing it', () => {
    expect(() => createMailer({ smtpUrl: `smtp://u:${ENCODED_PASSWORD}@mail.example/x`, from: FROM })).toThrow(ConfigError);
    try {
      createMailer({ smtpUrl: `smtp://u:${ENCODED_PASSWORD}@mail.example/x`, from: FROM });
    } catch (e) {
      expectNoPassword((e as Error).message, String((e as Error).stack));
    }
  });

  it('logs the server it will use, without credentials', () => {
    const log = capturedLogger();
    mailer({ smtpUrl: `smtp://comity:${ENCODED_PASSWORD}@mail.ca.xa.example:587`, from: FROM, logger: log.logger });
    const text = log.text();
    expect(text).toContain('"host":"mail.ca.xa.example"');
    expect(text).toContain('"tls":"starttls_required"');
    expect(text).not.toContain('comity:');
    expectNoPassword(text);
  });
});

describe('Mailer.send over SMTP', () => {
  it('delivers a plain-text message to a real SMTP server', async () => {
    const server = await smtpServer();
    const log = capturedLogger();
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM, logger: log.logger });
    const result = await m.send(MESSAGE);
    expect(result).toEqual({ accepted: [...MESSAGE.to], rejected: [] });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.mailFrom).toBe('comity@ca.xa.example');
    expect(mail?.rcptTo).toEqual(MESSAGE.to);
    expect(mail?.raw).toMatch(/^From: Comity XA <comity@ca\.xa\.example>\r$/m);
    expect(mail?.raw).toMatch(/^To: petra\.novak@ca\.xb\.example, duty@ca\.xb\.example\r$/m);
    expect(mail?.raw).toMatch(/^Subject: Reminder: acknowledgment of XA-2026-0417 due at 03:31 UTC\r$/m);
    expect(mail?.raw).toContain('Content-Type: text/plain');
    expect(mail?.raw).toContain('Open Comity to acknowledge.');
    expect(log.text()).toContain('e-mail: sent');
    expect(log.text()).not.toContain('petra.novak');
  });

  it('encodes a subject in another script', async () => {
    const server = await smtpServer();
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    await m.send({ ...MESSAGE, subject: 'تذكير: موعد الإقرار' });
    const raw = server.received[0]?.raw ?? '';
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
  });

  it('reports recipients the server refused and still sends to the others', async () => {
    const server = await smtpServer({
      onRcptTo(address, _session, cb) {
        cb(address.address === 'gone@ca.xb.example' ? new Error('no such user') : null);
      },
    });
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    const result = await m.send({ ...MESSAGE, to: ['gone@ca.xb.example', 'duty@ca.xb.example'] });
    expect(result).toEqual({ accepted: ['duty@ca.xb.example'], rejected: ['gone@ca.xb.example'] });
    expect(server.received[0]?.rcptTo).toEqual(['duty@ca.xb.example']);
  });

  it('fails when every recipient is refused', async () => {
    const server = await smtpServer({ onRcptTo: (_a, _s, cb) => cb(new Error('no such user')) });
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(server.received).toHaveLength(0);
  });

  it.each<[string, Partial<MailMessage>, RegExp]>([
    ['a CR LF in the subject', { subject: 'Reminder\r\nBcc: evil@x.example' }, /subject holds a line break/],
    ['a LF in the subject', { subject: 'Reminder\nBcc: evil@x.example' }, /subject holds a line break/],
    ['a Unicode line separator in the subject', { subject: 'Reminder\u2028Bcc: evil@x.example' }, /subject holds a line break/],
    ['a CR LF in a recipient', { to: ['duty@ca.xb.example\r\nBcc: evil@x.example'] }, /recipient 1 holds a line break/],
    ['a recipient that is not an address', { to: ['duty@ca.xb.example', 'Duty <duty@ca.xb.example>'] }, /recipient 2 is not a valid e-mail address/],
    ['a list in one recipient', { to: ['a@ca.xb.example, evil@x.example'] }, /recipient 1 is not a valid/],
    ['no recipient', { to: [] }, /no recipient/],
    ['too many recipients', { to: Array.from({ length: 101 }, (_, i) => `u${i}@ca.xb.example`) }, /more than 100 recipients/],
    ['an empty subject', { subject: '  ' }, /empty subject/],
    ['an oversized subject', { subject: 'x'.repeat(501) }, /subject is longer than 500/],
    ['an empty text', { text: '' }, /empty text/],
  ])('refuses %s and sends nothing', async (_, change, message) => {
    const server = await smtpServer();
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    const err = await failure(m.send({ ...MESSAGE, ...change }));
    expect(err.code).toBe('invalid_message');
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('evil@x.example');
    expect(server.received).toHaveLength(0);
  });

  it('authenticates on loopback with the decoded credentials, and never logs the password', async () => {
    const server = await smtpServer({ authOptional: false, allowInsecureAuth: true });
    const log = capturedLogger();
    const m = mailer({ smtpUrl: `smtp://comity%40ca.xa.example:${ENCODED_PASSWORD}@127.0.0.1:${server.port}`, from: FROM, logger: log.logger });
    await m.send(MESSAGE);
    expect(server.auths).toEqual([{ username: 'comity@ca.xa.example', password: PASSWORD }]);
    expect(server.received).toHaveLength(1);
    expectNoPassword(log.text());
  });

  it('reports refused credentials without the password', async () => {
    const server = await smtpServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (auth, _s, cb) => cb(new Error(`Invalid username or password ${auth.password ?? ''}`)),
    });
    const log = capturedLogger();
    const m = mailer({ smtpUrl: `smtp://comity:${ENCODED_PASSWORD}@127.0.0.1:${server.port}`, from: FROM, logger: log.logger });
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(err.message).toMatch(/EAUTH/);
    // The (hostile) server echoed the password in its reply: it is scrubbed from the error and the log.
    expect(err.message).toContain('[redacted]');
    expectNoPassword(err.message, String(err.stack), log.text());
    expect(log.text()).toContain('e-mail: not sent');
  });

  it('does not send credentials in clear to a server that is not loopback and offers no STARTTLS', async (ctx) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;
    if (address === undefined) {
      ctx.skip();
      return;
    }
    const server = await smtpServer({ authOptional: false, allowInsecureAuth: true }, address);
    const log = capturedLogger();
    const m = mailer({ smtpUrl: `smtp://comity:${ENCODED_PASSWORD}@${address}:${server.port}`, from: FROM, logger: log.logger });
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(err.message).toMatch(/\(ETLS[ )].*STARTTLS/);
    expect(server.auths).toEqual([]);
    expect(server.received).toHaveLength(0);
    expectNoPassword(err.message, log.text());
  });

  it('fails fast when the server is down, without the password', async () => {
    const closed = await smtpServer();
    await closed.close();
    const log = capturedLogger();
    const m = mailer({ smtpUrl: `smtp://comity:${ENCODED_PASSWORD}@127.0.0.1:${closed.port}`, from: FROM, logger: log.logger });
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(err.message).toMatch(/^e-mail to 127\.0\.0\.1:\d+ failed \(ESOCKET\): connect ECONNREFUSED/);
    expectNoPassword(err.message, log.text());
  });

  it('times out on a server that never greets', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as AddressInfo).port;
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 });
    const started = Date.now();
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(err.message).toMatch(/ETIMEDOUT|timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a plain server behind smtps:// (TLS is not optional)', async () => {
    const server = await smtpServer();
    const m = mailer({ smtpUrl: `smtps://127.0.0.1:${server.port}`, from: FROM, timeoutMs: 2_000 });
    const err = await failure(m.send(MESSAGE));
    expect(err.code).toBe('send_failed');
    expect(server.received).toHaveLength(0);
  });

  it('refuses to send after close; close is idempotent', async () => {
    const server = await smtpServer();
    const m = mailer({ smtpUrl: `smtp://127.0.0.1:${server.port}`, from: FROM });
    m.close();
    m.close();
    const err = await failure(m.send(MESSAGE));
    expect(err).toBeInstanceOf(MailError);
    expect(err.code).toBe('closed');
    expect(server.received).toHaveLength(0);
  });
});
