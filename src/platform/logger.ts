import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths redacted from every log line. Requests are logged by method, route and status only; these cover anything
 * that might still carry a secret (authorization headers, cookies, passwords, TOTP codes, tokens).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.totp',
  '*.code',
  '*.token',
  '*.secret',
  '*.databaseUrl',
];

export function createLogger(level: LoggerOptions['level'] = 'info', destination?: pino.DestinationStream): Logger {
  const opts: LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'comity' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(opts, destination) : pino(opts);
}

export type { Logger };
