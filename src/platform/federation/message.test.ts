import { describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import { FederationError } from './errors.ts';
import { parseMessagePayload, type MessagePayload } from './message.ts';

const good = (): MessagePayload => ({ id: newId(), type: 'mla.request', from: 'node-a', to: 'node-b', iat: 1000, exp: 2000, conversation: newId(), seq: 1, body: {} });

describe('message payload validator', () => {
  it('accepts a valid payload and returns only its members', () => {
    const p = good();
    expect(parseMessagePayload(p)).toEqual(p);
  });

  const bad: Array<[string, Record<string, unknown>]> = [
    ['id not v7', { id: '123e4567-e89b-42d3-a456-426614174000' }],
    ['id upper-case', { id: newId().toUpperCase() }],
    ['type', { type: 'MLA' }],
    ['type long', { type: 'a'.repeat(65) }],
    ['from', { from: 'Node A' }],
    ['to', { to: '' }],
    ['iat negative', { iat: -1 }],
    ['iat float', { iat: 1.5 }],
    ['exp before iat', { exp: 999 }],
    ['conversation', { conversation: 'c1' }],
    ['seq 0', { seq: 0 }],
    ['seq string', { seq: '1' }],
    ['body array', { body: [] }],
    ['body null', { body: null }],
    ['extra', { extra: true }],
  ];
  for (const [name, over] of bad)
    it(`refuses ${name}`, () => {
      expect(() => parseMessagePayload({ ...good(), ...over })).toThrow(FederationError);
    });

  it('refuses missing members and non-objects, naming the member', () => {
    const { body: _b, ...noBody } = good();
    expect(() => parseMessagePayload(noBody)).toThrow(/missing member "body"/);
    expect(() => parseMessagePayload([])).toThrow(FederationError);
    expect(() => parseMessagePayload('x')).toThrow(FederationError);
  });
});
