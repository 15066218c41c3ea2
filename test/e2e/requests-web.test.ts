import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as model from '../../src/modules/requests/model.ts';
import { terminal } from '../../src/modules/requests/lifecycle-table.ts';
import { commandActions } from '../../src/modules/requests/views.ts';
import { cosignCheckpoint } from '../../src/platform/ledger/cosignature.ts';
import { ed25519Signer, encodeVerifierKey, signNote } from '../../src/platform/ledger/note.ts';
import { en } from '../../web/src/i18n/messages/en.ts';
import { clockAlerts } from '../../web/src/features/notifications/clock-alerts.ts';
import { USER_COMMANDS, emptyValues, eventBody } from '../../web/src/features/requests/command-body.ts';
import { formatDuration, formatRelative, parseDuration } from '../../web/src/features/requests/duration.ts';
import { emptyInput, fromInput, isRequired, sameValue, toInput, type FieldKind } from '../../web/src/features/requests/field-values.ts';
import * as vocab from '../../web/src/features/requests/vocabulary.ts';
import { isoToZoned, offsetMinutes, zonedToIso } from '../../web/src/features/requests/zoned-time.ts';
import { parseCosignedNote, witnessesOf } from '../../web/src/features/ledger/cosignatures.ts';

/**
 * The pure modules of the request screens (compiled with the node settings, run on Node's Intl and WebCrypto, which
 * the browser's match): the vocabularies against src/modules/requests/model.ts and the catalogue, the form ↔
 * content conversions of every field kind, wall-clock times in named zones (daylight-saving gaps included), legal
 * clock durations, the bodies of lifecycle commands, clock alerts, and witness cosignatures checked against
 * cosignatures made by the node's own code.
 */

const keys = new Set(Object.keys(en));

describe('vocabularies of the request screens', () => {
  it('mirror src/modules/requests/model.ts exactly', () => {
    expect([...vocab.SIDES]).toEqual([...model.SIDES]);
    expect([...vocab.REQUESTING_STATES]).toEqual([...model.REQUESTING_STATES]);
    expect([...vocab.REQUESTED_STATES]).toEqual([...model.REQUESTED_STATES]);
    expect([...vocab.LIFECYCLE_EVENTS]).toEqual([...model.LIFECYCLE_EVENTS]);
    expect([...vocab.DECISION_OUTCOMES]).toEqual([...model.DECISION_OUTCOMES]);
    expect([...vocab.REFUSAL_GROUNDS]).toEqual([...model.REFUSAL_GROUNDS]);
    expect([...vocab.CLOSURE_REASONS]).toEqual([...model.CLOSURE_REASONS]);
    expect([...vocab.CLOCK_KINDS]).toEqual([...model.CLOCK_KINDS]);
    expect([...vocab.WIZARD_STEPS]).toEqual([...model.WIZARD_STEPS]);
  });

  it('know which states are terminal, as the lifecycle table does', () => {
    for (const side of vocab.SIDES) {
      const states = side === 'requesting' ? model.REQUESTING_STATES : model.REQUESTED_STATES;
      for (const s of states) expect(vocab.isTerminal(side, s), `${side} ${s}`).toBe(terminal(side, s));
    }
  });

  it('offer exactly the user commands of the service (views.ts)', () => {
    const service = new Set([...Object.keys(commandActions.requesting), ...Object.keys(commandActions.requested)]);
    expect(new Set(USER_COMMANDS)).toEqual(service);
  });

  it('have a label in the catalogue for every value', () => {
    const need = [
      ...vocab.ALL_STATES.map((s) => `request.state.${s}`),
      ...[...vocab.LIFECYCLE_EVENTS, ...vocab.RECORD_EVENTS].map((e) => `request.event.${e}`),
      ...vocab.SIDES.map((s) => `request.side.${s}`),
      ...vocab.DECISION_OUTCOMES.map((o) => `request.outcome.${o}`),
      ...vocab.REFUSAL_GROUNDS.map((g) => `ground.${g}`),
      ...vocab.CLOCK_KINDS.map((k) => `clock.kind.${k}`),
      ...vocab.CLOCK_STATUSES.map((s) => `clock.status.${s}`),
      ...[...vocab.WIZARD_STEPS, 'setup', 'review'].map((s) => `wizard.step.${s}`),
      ...USER_COMMANDS.flatMap((c) => [`command.${c}`, `command.help.${c}`]),
      ...vocab.ASSET_TYPES.map((a) => `asset.${a}`),
      ...vocab.NOTIFICATION_KINDS.map((k) => `notification.kind.${k}`),
    ];
    expect(need.filter((k) => !keys.has(k))).toEqual([]);
  });
});

describe('field values: request content ↔ form', () => {
  const tz = 'Europe/Paris';
  const round = (kind: FieldKind, v: unknown) => fromInput(kind, toInput(kind, v, tz), tz);

  it('round-trips a value of every kind', () => {
    expect(round('text', 'Arland NCU')).toBe('Arland NCU');
    expect(round('longtext', 'Line 1\n\nLine 2')).toBe('Line 1\n\nLine 2');
    expect(round('date', '2026-03-03')).toBe('2026-03-03');
    expect(round('datetime', '2026-03-03T02:10:00+01:00')).toBe('2026-03-03T02:10:00+01:00');
    expect(round('datetime', '2026-03-03T01:10:00Z')).toBe('2026-03-03T02:10:00+01:00');
    expect(round('period', { from: '2026-03-01', to: '2026-03-04' })).toEqual({ from: '2026-03-01', to: '2026-03-04' });
    expect(round('period', { from: '2026-03-01T00:00:00+01:00', to: '2026-03-04T12:30:00+01:00' })).toEqual({ from: '2026-03-01T00:00:00+01:00', to: '2026-03-04T12:30:00+01:00' });
    expect(round('integer', 90)).toBe(90);
    expect(round('boolean', false)).toBe(false);
    expect(round('boolean', true)).toBe(true);
    expect(round('choice', 'comity')).toBe('comity');
    expect(round('choices', ['subscriber', 'traffic'])).toEqual(['subscriber', 'traffic']);
    expect(round('offences', ['illegal_access'])).toEqual(['illegal_access']);
    expect(round('list', ['203.0.113.7', 'acct-42'])).toEqual(['203.0.113.7', 'acct-42']);
    expect(round('timezone', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(round('email', 'a@b.example')).toBe('a@b.example');
    expect(round('phone', '+999 555 0100')).toBe('+999 555 0100');
    const person = { name: 'Mallory', role: 'suspect', nationality: 'XB', dateOfBirth: '1990-01-02', identifiers: [{ type: 'email', value: 'm@x.example' }], participation: 'perpetrator' };
    expect(round('persons', [person])).toEqual([person]);
    expect(round('assets', [{ type: 'virtual_asset', description: 'BTC wallet', value: 2.5, currency: 'btc' }])).toEqual([{ type: 'virtual_asset', description: 'BTC wallet', value: 2.5, currency: 'BTC' }]);
  });

  it('clears a field with null, and keeps "no" apart from "not answered"', () => {
    for (const kind of ['text', 'longtext', 'date', 'datetime', 'period', 'integer', 'boolean', 'choice', 'choices', 'list', 'timezone', 'email', 'phone', 'offences', 'persons', 'assets'] as const)
      expect(fromInput(kind, emptyInput(kind), tz), kind).toBeNull();
    expect(fromInput('boolean', { t: 'boolean', v: false }, tz)).toBe(false);
    expect(fromInput('list', { t: 'list', v: '\n  \n' }, tz)).toBeNull();
    expect(fromInput('persons', { t: 'persons', v: [{ name: ' ', role: 'suspect', nationality: '', dateOfBirth: '', location: '', identifiers: [], extra: {} }] }, tz)).toBeNull();
  });

  it('sends what it cannot convert as typed, for the node to name the problem', () => {
    expect(fromInput('integer', { t: 'string', v: 'ninety' }, tz)).toBe('ninety');
    expect(fromInput('datetime', { t: 'datetime', v: '2026-13-01T00:00' }, tz)).toBe('2026-13-01T00:00');
    expect(toInput('boolean', 'yes', tz)).toEqual({ t: 'raw', v: 'yes' });
    expect(fromInput('boolean', toInput('boolean', 'yes', tz), tz)).toBe('yes');
  });

  it('evaluates requiredWhen against the answers', () => {
    const f = { id: 'previousRequestReference', kind: 'text' as const, required: false, requiredWhen: { field: 'isExtension', equals: true } };
    expect(isRequired(f, {})).toBe(false);
    expect(isRequired(f, { isExtension: true })).toBe(true);
    expect(isRequired({ ...f, requiredWhen: { field: 'dataCategories', includes: 'content' } }, { dataCategories: ['content'] })).toBe(true);
    expect(isRequired({ ...f, requiredWhen: { field: 'deadline', present: true } }, { deadline: '' })).toBe(false);
    expect(isRequired({ ...f, requiredWhen: { field: 'deadline', present: true } }, { deadline: '2026-04-01' })).toBe(true);
    expect(isRequired({ ...f, required: true, requiredWhen: undefined }, {})).toBe(true);
  });

  it('compares values regardless of key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('keeps any list of non-blank single-line items, and any trimmed text (property)', () => {
    const line = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (items) => {
        expect(round('list', items)).toEqual(items);
      }),
    );
    fc.assert(
      fc.property(line, (s) => {
        expect(round('text', s)).toBe(s);
      }),
    );
  });
});

describe('wall-clock times in named zones', () => {
  it('gives the offset the zone had at that moment', () => {
    expect(zonedToIso('2026-01-15T09:00', 'Europe/Paris')).toBe('2026-01-15T09:00:00+01:00');
    expect(zonedToIso('2026-07-15T09:00', 'Europe/Paris')).toBe('2026-07-15T09:00:00+02:00');
    expect(zonedToIso('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T09:00:00+05:30');
    expect(zonedToIso('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
    expect(zonedToIso('2026-07-15T09:00', 'UTC')).toBe('2026-07-15T09:00:00Z');
    expect(offsetMinutes('Australia/Adelaide', new Date('2026-01-15T00:00:00Z'))).toBe(630);
  });

  it('moves a time in a daylight-saving gap forward, and takes the first of a repeated hour', () => {
    expect(zonedToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
    expect(zonedToIso('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T02:30:00+02:00');
    expect(zonedToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('refuses what is not a local time or a zone', () => {
    expect(zonedToIso('2026-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(zonedToIso('10:00', 'Europe/Paris')).toBeNull();
    expect(zonedToIso('2026-02-01T10:00', 'Mars/Olympus')).toBeNull();
    expect(isoToZoned('not a date', 'UTC')).toBeNull();
  });

  it('shows an instant back as the same wall-clock time (property, outside gaps)', () => {
    const zones = ['Europe/Paris', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Auckland', 'UTC', 'Asia/Shanghai', 'Africa/Cairo'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (d, tz) => {
        const local = isoToZoned(d.toISOString(), tz) ?? '';
        const iso = zonedToIso(local, tz) ?? '';
        // The instant may be the other occurrence of a repeated hour, but it reads as the same wall-clock time.
        expect(isoToZoned(iso, tz)).toBe(local);
      }),
    );
  });
});

describe('legal-clock durations and relative times', () => {
  it('parses ISO 8601 durations and puts them into words', () => {
    expect(parseDuration('PT1H')).toMatchObject({ hours: 1, days: 0 });
    expect(parseDuration('P1Y6M')).toMatchObject({ years: 1, months: 6 });
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
    expect(formatDuration('PT1H', 'en-GB')).toBe('1 hour');
    expect(formatDuration('P60D', 'en-GB')).toBe('60 days');
    expect(formatDuration('PT1H30M', 'en-GB')).toBe('1 hour 30 minutes');
    // French puts a narrow no-break space between the number and the unit.
    expect(formatDuration('P60D', 'fr-FR').replace(/\s/g, ' ')).toBe('60 jours');
    expect(formatDuration('nonsense', 'en-GB')).toBe('nonsense');
  });

  it('says how far a due time is', () => {
    const now = new Date('2026-03-03T02:00:00Z');
    expect(formatRelative(new Date('2026-03-03T05:00:00Z'), now, 'en-GB')).toBe('in 3 hours');
    expect(formatRelative(new Date('2026-03-01T02:00:00Z'), now, 'en-GB')).toBe('2 days ago');
    expect(formatRelative(new Date('2026-03-03T02:00:30Z'), now, 'en-GB')).toBe('in 30 seconds');
  });
});

describe('bodies of lifecycle commands', () => {
  const v = () => emptyValues();
  it('send only what each event takes, trimmed', () => {
    expect(eventBody('submit', 3, v())).toEqual({ event: 'submit', version: 3 });
    expect(eventBody('return_to_draft', 3, { ...v(), reason: '  fix the dates ', note: 'ignored' })).toEqual({ event: 'return_to_draft', version: 3, reason: 'fix the dates' });
    expect(eventBody('withdraw', 3, v())).toEqual({ event: 'withdraw', version: 3 });
    expect(eventBody('authorize', 3, v())).toEqual({ event: 'authorize', version: 3 });
    expect(eventBody('authorize', 3, { ...v(), decisionReference: ' 2026/88 ', decisionAuthority: 'Court of Arland', decisionDate: '2026-03-02' }, { needsDecision: true })).toEqual({
      event: 'authorize',
      version: 3,
      decision: { reference: '2026/88', authority: 'Court of Arland', date: '2026-03-02' },
    });
    expect(eventBody('answer_confidentiality', 1, { ...v(), kept: 'no', reason: 'court order public' })).toEqual({ event: 'answer_confidentiality', version: 1, kept: false, reason: 'court order public' });
    expect(eventBody('onward_transfer_request', 1, { ...v(), thirdState: 'xc', recipient: ' Carpania police ', purpose: 'joint case' })).toEqual({ event: 'onward_transfer_request', version: 1, thirdState: 'XC', recipient: 'Carpania police', purpose: 'joint case' });
  });

  it('shapes a decision by its outcome', () => {
    const base = { ...v(), grounds: ['persecution'], conditions: [' only March data ', ' '], reasons: 'r' };
    expect(eventBody('decide', 2, { ...base, outcome: 'accepted' })).toEqual({ event: 'decide', version: 2, outcome: 'accepted', reasons: 'r' });
    expect(eventBody('decide', 2, { ...base, outcome: 'refused' })).toEqual({ event: 'decide', version: 2, outcome: 'refused', reasons: 'r', grounds: ['persecution'] });
    expect(eventBody('decide', 2, { ...base, outcome: 'accepted_with_conditions' })).toEqual({ event: 'decide', version: 2, outcome: 'accepted_with_conditions', reasons: 'r', conditions: ['only March data'] });
    expect(eventBody('decide', 2, { ...base, outcome: 'nonsense' })).toEqual({ event: 'decide', version: 2, reasons: 'r' });
  });

  it('sends results with their items and limits', () => {
    const body = eventBody('send_results', 5, {
      ...v(),
      final: 'final',
      summary: ' Preserved. ',
      items: [
        { kind: 'logs', description: 'Access logs', sha256: 'AB'.repeat(32) },
        { kind: '', description: '', sha256: '' },
      ],
      useLimitation: 'Only for case XA-2026-0417',
      preservedUntil: '2026-06-01',
    });
    expect(body).toEqual({
      event: 'send_results',
      version: 5,
      final: true,
      summary: 'Preserved.',
      items: [{ kind: 'logs', description: 'Access logs', sha256: 'ab'.repeat(32) }],
      useLimitation: 'Only for case XA-2026-0417',
      preservedUntil: '2026-06-01',
    });
    expect(eventBody('send_results', 5, v())).not.toHaveProperty('final');
  });
});

describe('clock alerts from notifications', () => {
  it('keeps the newest reminder per request', () => {
    const m = clockAlerts([
      { kind: 'clock_due_soon', requestId: 'r1', dueAt: '2026-03-03T03:00:00Z', createdAt: '2026-03-03T02:40:00Z' },
      { kind: 'clock_overdue', requestId: 'r1', dueAt: '2026-03-03T03:00:00Z', createdAt: '2026-03-03T03:01:00Z' },
      { kind: 'status_change', requestId: 'r2', dueAt: null, createdAt: '2026-03-03T03:01:00Z' },
      { kind: 'clock_due_soon', requestId: null, dueAt: null, createdAt: '2026-03-03T03:01:00Z' },
    ]);
    expect([...m]).toEqual([['r1', { alert: 'overdue', dueAt: '2026-03-03T03:00:00Z' }]]);
  });
});

describe('witness cosignatures, checked as the browser does', () => {
  const origin = 'comity/xa-node';
  const log = generateKeyPairSync('ed25519');
  const witnessKey = generateKeyPairSync('ed25519');
  const raw = (k: KeyObject) => Uint8Array.from(Buffer.from(k.export({ format: 'jwk' }).x ?? '', 'base64url'));
  const body = `${origin}\n42\n${Buffer.alloc(32, 7).toString('base64')}\n`;
  const note = signNote(body, [ed25519Signer(origin, log.privateKey)]);
  const witnessName = 'comity/xb-node';
  const line = cosignCheckpoint(body, { name: witnessName, privateKey: witnessKey.privateKey, publicKeyRaw: raw(witnessKey.publicKey) }, 1_770_000_000);
  const cosigned = note + line;
  const xb = { nodeId: 'xb-node', state: 'XB', name: 'Borduria CA', ledger: { origin: witnessName, vkey: encodeVerifierKey(witnessName, raw(witnessKey.publicKey)) } };

  it('parses the cosignature lines and skips the log’s own signature', () => {
    const p = parseCosignedNote(cosigned);
    expect(p.body).toBe(body);
    expect(p.cosignatures.map((c) => [c.name, c.timestamp])).toEqual([[witnessName, 1_770_000_000]]);
    expect(parseCosignedNote(note).cosignatures).toEqual([]);
  });

  it('verifies a real cosignature with the key the directory publishes', async () => {
    const [w] = await witnessesOf(cosigned, [xb]);
    expect(w).toMatchObject({ name: witnessName, status: 'verified', node: { state: 'XB' } });
    expect(w?.at.toISOString()).toBe(new Date(1_770_000_000_000).toISOString());
  });

  it('refuses a tampered checkpoint, another key, and an unknown witness', async () => {
    const tampered = cosigned.replace('\n42\n', '\n43\n');
    expect((await witnessesOf(tampered, [xb]))[0]?.status).toBe('bad_signature');
    const other = generateKeyPairSync('ed25519');
    expect((await witnessesOf(cosigned, [{ ...xb, ledger: { origin: witnessName, vkey: encodeVerifierKey(witnessName, raw(other.publicKey)) } }]))[0]?.status).toBe('bad_signature');
    expect((await witnessesOf(cosigned, []))[0]?.status).toBe('unknown_witness');
  });
});
