import { describe, expect, it } from 'vitest';
import { OFFENCES, OFFENCE_IDS, isOffenceId, offenceById } from './offences.ts';

describe('offence catalogue', () => {
  it('holds exactly the ids of DOMAIN §1, in its order', () => {
    expect(OFFENCES.map((o) => o.id)).toEqual([
      'illegal_access',
      'illegal_interception',
      'data_interference',
      'system_interference',
      'misuse_of_devices',
      'computer_forgery',
      'computer_fraud',
      'csam',
      'grooming',
      'ncii',
      'laundering',
      'copyright',
    ]);
    expect([...OFFENCE_IDS]).toEqual(OFFENCES.map((o) => o.id));
  });

  it('carries the UN and Budapest articles of DOMAIN §1, flagging the recalled ones', () => {
    const table = Object.fromEntries(OFFENCES.map((o) => [o.id, [o.unArticle, o.bcArticle, o.uncertain]]));
    expect(table).toEqual({
      illegal_access: [7, 2, false],
      illegal_interception: [8, 3, false],
      data_interference: [9, 4, false],
      system_interference: [10, 5, false],
      misuse_of_devices: [11, 6, false],
      computer_forgery: [12, 7, false],
      computer_fraud: [13, 8, false],
      csam: [14, 9, false],
      grooming: [15, null, false],
      ncii: [16, null, true],
      laundering: [17, null, true],
      copyright: [null, 10, false],
    });
  });

  it('has a title and description for every entry and is frozen', () => {
    for (const o of OFFENCES) {
      expect(o.title.length).toBeGreaterThan(0);
      expect(o.description.length).toBeGreaterThan(0);
      expect(Object.isFrozen(o)).toBe(true);
    }
    expect(Object.isFrozen(OFFENCES)).toBe(true);
  });

  it('looks ids up', () => {
    expect(isOffenceId('csam')).toBe(true);
    expect(isOffenceId('hacking')).toBe(false);
    expect(offenceById('copyright')?.bcArticle).toBe(10);
    expect(offenceById('nope')).toBeUndefined();
  });
});
