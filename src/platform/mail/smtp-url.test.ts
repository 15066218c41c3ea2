import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load.ts';
import { isLoopbackHost, parseSmtpUrl } from './smtp-url.ts';

describe('parseSmtpUrl', () => {
  it.each([
    ['smtp://mail.ca.xa.example', { host: 'mail.ca.xa.example', port: 587, secure: false, auth: null, requireTls: false }],
    ['smtps://mail.ca.xa.example', { host: 'mail.ca.xa.example', port: 465, secure: true, auth: null, requireTls: false }],
    ['smtp://relay:25', { host: 'relay', port: 25, secure: false, auth: null, requireTls: false }],
    ['smtp://mail.ca.xa.example/', { host: 'mail.ca.xa.example', port: 587, secure: false, auth: null, requireTls: false }],
    ['  smtp://10.1.2.3:2525  ', { host: '10.1.2.3', port: 2525, secure: false, auth: null, requireTls: false }],
    ['smtp://[2001:db8::25]:587', { host: '2001:db8::25', port: 587, secure: false, auth: null, requireTls: false }],
    // credentials over smtp:// to a remote host: STARTTLS becomes mandatory
    [
      'smtp://comity%40ca.xa.example:p%40ss%2Fw%C3%B6rd@mail.ca.xa.example:587',
      { host: 'mail.ca.xa.example', port: 587, secure: false, auth: { user: 'comity@ca.xa.example', pass: 'p@ss/wörd' }, requireTls: true },
    ],
    ['smtps://comity:pw@mail.ca.xa.example', { host: 'mail.ca.xa.example', port: 465, secure: true, auth: { user: 'comity', pass: 'pw' }, requireTls: false }],
    ['smtp://comity:pw@127.0.0.1:2525', { host: '127.0.0.1', port: 2525, secure: false, auth: { user: 'comity', pass: 'pw' }, requireTls: false }],
    ['smtp://comity@localhost', { host: 'localhost', port: 587, secure: false, auth: { user: 'comity', pass: '' }, requireTls: false }],
  ])('%s', (url, want) => {
    expect(parseSmtpUrl(url)).toEqual(want);
  });

  it.each([
    ['not a url', /must be a URL such as/],
    ['mail.ca.xa.example:587', /must use smtp:\/\/ \(STARTTLS\) or smtps:\/\/ \(TLS\), not "mail\.ca\.xa\.example:"/],
    ['http://u:hunter2@mail.example', /not "http:"/],
    ['smtp://', /must name the SMTP server/],
    ['smtp:mail.example', /must name the SMTP server/],
    ['smtp://h%41st', /must name the SMTP server/],
    ['smtp://under_score.example', /must name the SMTP server/],
    ['smtp://[not-ipv6]', /must be a URL|must name the SMTP server/],
    ['smtp://mail.example:0', /port from 1 to 65535/],
    ['smtp://mail.example:99999', /must be a URL/],
    ['smtp://mail.example/inbox', /must not have a path, query string or fragment/],
    ['smtp://u:hunter2@mail.example?tls.rejectUnauthorized=false', /must not have a path, query string or fragment/],
    ['smtp://mail.example#x', /must not have a path/],
    ['smtp://:hunter2@mail.example', /password but no user name/],
    ['smtp://u:hunter2%E0%A4%A@mail.example', /badly percent-encoded password/],
  ])('refuses %j naming smtpUrl, never echoing it', (url, message) => {
    let caught: unknown;
    try {
      parseSmtpUrl(url);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const text = (caught as Error).message;
    expect(text).toMatch(/^invalid configuration: smtpUrl /);
    expect(text).toMatch(message);
    expect(text).not.toContain('hunter2');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['mail.localhost', true],
    ['127.0.0.1', true],
    ['127.9.9.9', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['mail.ca.xa.example', false],
    ['localhost.example', false],
    ['::2', false],
  ])('%s → %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});
