import { describe, expect, it } from 'vitest';
import { placeholders } from '../../web/src/i18n/catalogue.ts';
import { LANGUAGES } from '../../web/src/i18n/languages.ts';
import { CATALOGUES } from '../../web/src/i18n/messages/index.ts';

/** Every UI string exists in the six UN languages, is not empty, and keeps the English placeholders. */
describe('web message catalogues', () => {
  const en = CATALOGUES.en;
  const keys = Object.keys(en).sort();

  it('has the six official UN languages', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    expect(Object.keys(CATALOGUES).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
  });

  for (const { code } of LANGUAGES) {
    it(`${code}: every key, no extra key, nothing empty, same placeholders`, () => {
      const cat = CATALOGUES[code] as Record<string, string>;
      expect(Object.keys(cat).sort()).toEqual(keys);
      for (const k of keys) {
        const text = cat[k] ?? '';
        expect(text.trim().length, `${code} ${k} is empty`).toBeGreaterThan(0);
        expect(placeholders(text), `${code} ${k} placeholders`).toEqual(placeholders(en[k as keyof typeof en]));
      }
    });
  }

  it('translates, rather than copies, the catalogue (only a few strings such as "Comity", "IBAN" or "Version" may be the same)', () => {
    for (const { code } of LANGUAGES.filter((l) => l.code !== 'en')) {
      const cat = CATALOGUES[code] as Record<string, string>;
      const same = keys.filter((k) => cat[k] === (en as Record<string, string>)[k] && !/^[—{}\s·a-z.]*$|^Comity$/.test(cat[k] ?? ''));
      expect(same.length / keys.length, `${code} copies English for ${same.join(', ')}`).toBeLessThan(0.05);
    }
  });
});
