import { describe, expect, it } from 'vitest';
import { REQUEST_TYPE_IDS } from '../model.ts';
import { TYPE_ARTICLES, articlesOverlap, isArticleCitation, relevanceOf } from './articles.ts';
import { isPositiveIsoDuration } from './duration.ts';
import { formatPenalty } from './penalty.ts';

describe('article citations', () => {
  it('recognises the forms profiles use', () => {
    for (const ok of ['BC 29', 'BC 29(4)', 'BC 27(9)(e)', 'UN 37 (?)', 'SAP 9', 'UNTOC 18(15)(a)']) expect(isArticleCitation(ok)).toBe(true);
    for (const bad of ['Article 29', 'bc 29', 'BC', 'BC 29 4', 'ECHR 8', 'BC 29(4']) expect(isArticleCitation(bad)).toBe(false);
  });

  it('overlap when one contains the other, ignoring (?)', () => {
    expect(articlesOverlap('BC 29', 'BC 29(4)')).toBe(true);
    expect(articlesOverlap('BC 29(4)', 'BC 29')).toBe(true);
    expect(articlesOverlap('UN 37 (?)', 'UN 37(11)')).toBe(true);
    expect(articlesOverlap('BC 29(3)', 'BC 29(4)')).toBe(false);
    expect(articlesOverlap('BC 2', 'BC 29')).toBe(false);
    expect(articlesOverlap('BC 29', 'UN 29 (?)')).toBe(false);
  });

  it('every request type has articles, all well-formed', () => {
    for (const id of REQUEST_TYPE_IDS) {
      expect(TYPE_ARTICLES[id].length).toBeGreaterThan(0);
      for (const a of TYPE_ARTICLES[id]) expect(isArticleCitation(a)).toBe(true);
    }
  });

  it('classifies statements against a request', () => {
    const preservation = { id: 'preservation' } as const;
    expect(relevanceOf('BC 29(4)', preservation, [])).toBe('type');
    expect(relevanceOf('BC 6(3)', preservation, ['misuse_of_devices'])).toBe('offence');
    expect(relevanceOf('UN 11', preservation, ['misuse_of_devices'])).toBe('offence');
    expect(relevanceOf('BC 6(3)', preservation, ['illegal_access'])).toBe('other');
    expect(relevanceOf('UN 6', preservation, [])).toBe('general');
    expect(relevanceOf(undefined, preservation, [])).toBe('unclear');
    expect(relevanceOf('see the annex', preservation, [])).toBe('unclear');
    // The type's own basis counts too.
    expect(relevanceOf('SAP 6', { id: 'subscriber_information', basis: ['SAP 6', 'T-CY template'] }, [])).toBe('type');
  });
});

describe('isPositiveIsoDuration', () => {
  it('accepts designator durations longer than zero', () => {
    for (const ok of ['PT1H', 'P45D', 'PT30M', 'P1Y2M', 'P2W', 'P1DT12H', 'PT0H5M']) expect(isPositiveIsoDuration(ok)).toBe(true);
  });
  it('refuses zero, empty, malformed and non-strings', () => {
    for (const bad of ['P', 'PT', 'P1DT', 'PT0H', 'P0D', '1 hour', 'pt1h', 'PT1.5H', '-PT1H', 3600, null]) expect(isPositiveIsoDuration(bad)).toBe(false);
  });
});

describe('formatPenalty', () => {
  it('says penalties as a lawyer reads them', () => {
    expect(formatPenalty(0)).toBe('a fine only');
    expect(formatPenalty(0.5)).toBe('6 months');
    expect(formatPenalty(1 / 12)).toBe('1 month');
    expect(formatPenalty(1)).toBe('1 year');
    expect(formatPenalty(1.5)).toBe('1 year 6 months');
    expect(formatPenalty(7)).toBe('7 years');
  });
});
