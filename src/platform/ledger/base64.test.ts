import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromB64, fromB64url, toB64, toB64url } from './base64.ts';
import { LedgerError } from './errors.ts';

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
}

describe('base64', () => {
  it('matches RFC 4648 §10', () => {
    const vectors: Array<[string, string, string]> = [
      ['', '', ''],
      ['f', 'Zg==', 'Zg'],
      ['fo', 'Zm8=', 'Zm8'],
      ['foo', 'Zm9v', 'Zm9v'],
      ['foob', 'Zm9vYg==', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE=', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy', 'Zm9vYmFy'],
    ];
    for (const [plain, b64, b64url] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(toB64(bytes)).toBe(b64);
      expect(toB64url(bytes)).toBe(b64url);
      expect(fromB64(b64)).toEqual(bytes);
      expect(fromB64url(b64url)).toEqual(bytes);
    }
    expect(toB64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    expect(toB64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('round-trips any bytes, also from a view into a larger buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat({ max: 8 }), (bytes, pad) => {
        const view = new Uint8Array(new Uint8Array(pad + bytes.length + 3).buffer, pad, bytes.length);
        view.set(bytes);
        expect(fromB64(toB64(view))).toEqual(bytes);
        expect(fromB64url(toB64url(view))).toEqual(bytes);
        expect(fromB64(toB64(view))).toBeInstanceOf(Uint8Array);
      }),
    );
  });

  it.each(['Zg', 'Zg=', 'Zh==', 'Zm9=', ' Zg==', 'Zg==\n', 'Zm 9v', 'Zm9v\r\n', 'Zg==Zg==', '-_8=', 'Zm9v====', '=', 'Z', 'Zm9vY'])(
    'fromB64 refuses %j',
    (bad) => {
      expect(codeOf(() => fromB64(bad))).toBe('ERR_MALFORMED_BASE64');
    },
  );

  it.each(['Zg==', 'Zh', 'Zm9', '+/8', 'Z', ' Zg', 'Zg\n', 'Zm9vY'])('fromB64url refuses %j', (bad) => {
    expect(codeOf(() => fromB64url(bad))).toBe('ERR_MALFORMED_BASE64');
  });

  it('throws the code the caller asks for', () => {
    expect(codeOf(() => fromB64('!', 'ERR_MALFORMED_NOTE'))).toBe('ERR_MALFORMED_NOTE');
    expect(codeOf(() => fromB64url('!', 'ERR_MALFORMED_ENTRY'))).toBe('ERR_MALFORMED_ENTRY');
  });
});
