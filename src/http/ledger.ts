import { Type } from 'typebox';
import { AppError } from '../platform/errors.ts';
import { actorOf, responses, type App } from '../platform/http/route-kit.ts';
import { toB64 } from '../platform/ledger/base64.ts';
import type { Ledger } from '../platform/ledger/ledger.ts';
import { canLedger, type LedgerAction } from '../platform/ledger/policy.ts';
import type { FastifyRequest } from 'fastify';

const tags = ['ledger'];
const Index = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const B64 = Type.String({ description: 'standard base64' });
export const PAGE_MAX = 1000;

const ReceiptSchema = Type.Object(
  {
    v: Type.Literal(1),
    index: Type.String({ description: 'entry index, decimal' }),
    leaf: B64,
    proof: Type.Array(B64, { description: 'RFC 9162 inclusion proof, in order' }),
    checkpoint: Type.String({ description: 'C2SP signed checkpoint note covering the entry' }),
  },
  { $id: 'LedgerReceipt' },
);

function authorize(req: FastifyRequest, action: LedgerAction): void {
  if (!canLedger(actorOf(req), action))
    throw new AppError(
      'forbidden',
      action === 'ledger.read'
        ? 'reading the ledger needs the oversight or admin role, or a token with the ledger:read scope'
        : 'signing a checkpoint on demand needs the oversight or admin role',
    );
}

/** The ledger API (docs/ledger.md): checkpoint, verifier key, entries, proofs, receipts. */
export async function ledgerRoutes(
  app: App,
  deps: {
    ledger: Ledger;
    /** The note with the witnesses' cosignature lines for that size appended (federation witnessing). */
    cosigned?: (note: string, size: number) => Promise<string>;
  },
): Promise<void> {
  const { ledger } = deps;
  const text = { 200: Type.String() };

  app.get(
    '/api/v1/ledger/checkpoint',
    { config: { scopes: ['ledger:read'] }, schema: { tags, summary: 'The latest signed checkpoint (C2SP tlog-checkpoint note, text/plain), with the cosignature lines of the witnesses that cosigned it', produces: ['text/plain'], response: responses(text) } },
    async (req, reply) => {
      authorize(req, 'ledger.read');
      const cp = await ledger.latestCheckpoint();
      if (!cp) throw new AppError('not_found', 'no checkpoint has been signed yet');
      return reply.type('text/plain; charset=utf-8').send(deps.cosigned ? await deps.cosigned(cp.note, cp.size) : cp.note);
    },
  );

  app.post(
    '/api/v1/ledger/checkpoint',
    {
      schema: {
        tags,
        summary: 'Sign a checkpoint of the current tree now (if it grew); returns the latest note',
        produces: ['text/plain'],
        response: responses(text),
      },
    },
    async (req, reply) => {
      authorize(req, 'ledger.checkpoint');
      const cp = await ledger.issueCheckpoint();
      if (!cp) throw new AppError('conflict', 'the ledger is empty: there is nothing to sign');
      return reply.type('text/plain; charset=utf-8').send(cp.note);
    },
  );

  app.get(
    '/api/v1/ledger/key',
    { config: { scopes: ['ledger:read'] }, schema: { tags, summary: 'The node\'s verifier key (signed-note vkey: name+keyid+base64(0x01‖pubkey))', produces: ['text/plain'], response: responses(text) } },
    async (req, reply) => {
      authorize(req, 'ledger.read');
      return reply.type('text/plain; charset=utf-8').send(`${ledger.vkey}\n`);
    },
  );

  app.get(
    '/api/v1/ledger/entries',
    {
      config: { scopes: ['ledger:read'] },
      schema: {
        tags,
        summary: `Entries with index in [start, end), at most ${PAGE_MAX} per page`,
        querystring: Type.Object({ start: Type.Optional(Index), end: Type.Optional(Index) }, { additionalProperties: false }),
        response: responses({
          200: Type.Object({
            size: Size,
            items: Type.Array(Type.Object({ index: Index, leaf: B64 })),
            next: Type.Union([Index, Type.Null()], { description: 'start of the next page, or null' }),
          }),
        }),
      },
    },
    async (req) => {
      authorize(req, 'ledger.read');
      const size = await ledger.size();
      const start = req.query.start ?? 0;
      const end = Math.min(req.query.end ?? size, size, start + PAGE_MAX);
      if (req.query.end !== undefined && req.query.end < start)
        throw new AppError('validation_failed', 'end must not be below start', { errors: [{ in: 'query', pointer: '/end', detail: 'must be ≥ start' }] });
      const rows = end > start ? await ledger.entries(start, end) : [];
      const wanted = Math.min(req.query.end ?? size, size);
      return { size, items: rows.map((r) => ({ index: r.idx, leaf: toB64(Buffer.from(r.leaf, 'utf8')) })), next: end < wanted ? end : null };
    },
  );

  app.get(
    '/api/v1/ledger/proofs/inclusion',
    {
      config: { scopes: ['ledger:read'] },
      schema: {
        tags,
        summary: 'RFC 9162 inclusion proof of entry `index` in the tree of `size` entries',
        querystring: Type.Object({ index: Index, size: Size }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ index: Index, size: Size, rootHash: B64, proof: Type.Array(B64) }) }),
      },
    },
    async (req) => {
      authorize(req, 'ledger.read');
      const { index, size } = req.query;
      const proof = await ledger.inclusionProof(index, size);
      return { index, size, rootHash: toB64(await ledger.root(size)), proof: proof.map(toB64) };
    },
  );

  app.get(
    '/api/v1/ledger/proofs/consistency',
    {
      config: { scopes: ['ledger:read'] },
      schema: {
        tags,
        summary: 'RFC 9162 consistency proof between the trees of `from` and `to` entries',
        querystring: Type.Object({ from: Size, to: Size }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ from: Size, to: Size, proof: Type.Array(B64) }) }),
      },
    },
    async (req) => {
      authorize(req, 'ledger.read');
      const { from, to } = req.query;
      return { from, to, proof: (await ledger.consistencyProof(from, to)).map(toB64) };
    },
  );

  app.get(
    '/api/v1/ledger/receipts/:index',
    {
      config: { scopes: ['ledger:read'] },
      schema: {
        tags,
        summary: 'An offline receipt for entry `index`: leaf, inclusion proof and the signed checkpoint that covers it',
        params: Type.Object({ index: Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$' }) }, { additionalProperties: false }),
        response: responses({ 200: ReceiptSchema }),
      },
    },
    async (req) => {
      authorize(req, 'ledger.read');
      return ledger.receipt(Number(req.params.index));
    },
  );
}
