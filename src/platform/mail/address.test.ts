import { describe, expect, it } from 'vitest';
import { hasControlCharacter, isAddress, parseMailbox } from './address.ts';

describe('isAddress', () => {
  it.each(['officer@ca.xb.example', 'duty.officer+247@ca.xb.example', "o'brien@xn--bcher-kva.example", 'a@b.co', 'x_y-z@mail.ca.xa.example'])(
    'accepts %s',
    (a) => {
      expect(isAddress(a)).toBe(true);
    },
  );
  it.each([
    '',
    'officer',
    '@ca.xb.example',
    'officer@',
    'officer@localhost',
    'officer@ca..example',
    'officer@-ca.example',
    'officer@ca.example.',
    'officer@10.0.0.1',
    '.officer@ca.example',
    'off..icer@ca.example',
    '"quoted"@ca.example',
    'a b@ca.example',
    'officer@ca.example\r\nBcc: evil@x.example',
    'officer@ca.example\n',
    'officer@bücher.example',
    'Officer <officer@ca.example>',
    `${'a'.repeat(65)}@ca.example`,
    `a@${'b'.repeat(250)}.example`,
  ])('refuses %j', (a) => {
    expect(isAddress(a)).toBe(false);
  });
});

describe('parseMailbox', () => {
  it.each([
    ['comity@ca.xa.example', { name: '', address: 'comity@ca.xa.example' }],
    ['  comity@ca.xa.example  ', { name: '', address: 'comity@ca.xa.example' }],
    ['<comity@ca.xa.example>', { name: '', address: 'comity@ca.xa.example' }],
    ['Comity XA <comity@ca.xa.example>', { name: 'Comity XA', address: 'comity@ca.xa.example' }],
    ['"Comity, XA \\"central\\"" <comity@ca.xa.example>', { name: 'Comity, XA "central"', address: 'comity@ca.xa.example' }],
    ['Комити <comity@ca.xa.example>', { name: 'Комити', address: 'comity@ca.xa.example' }],
  ])('%j', (s, want) => {
    expect(parseMailbox(s)).toEqual(want);
  });
  it.each([
    '',
    'Comity XA',
    'Comity XA <>',
    'Comity XA <not an address>',
    'Comity\r\nBcc: evil@x.example <comity@ca.xa.example>',
    'Comity XA <comity@ca.xa.example>\r\nBcc: evil@x.example',
    'a@b.example, c@d.example',
    'Comity <a@b.example> <c@d.example>',
    '"unterminated <comity@ca.xa.example>',
  ])('refuses %j', (s) => {
    expect(parseMailbox(s)).toBeNull();
  });
});

describe('hasControlCharacter', () => {
  it.each(['\r', '\n', '\u0000', '\u007f', '\u0085', '\u2028', '\u2029', '\t'])('finds %j', (c) => {
    expect(hasControlCharacter(`Reminder${c}Bcc: x`)).toBe(true);
  });
  it('accepts ordinary text in any script', () => {
    expect(hasControlCharacter('Rappel : délai — 期限 — موعد')).toBe(false);
  });
});
