import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';

/**
 * The opaque keyset cursor of case lists: base64url of `{"t": createdAt ISO, "i": id}` of the last item of the
 * previous page. Lists are ordered by `created_at desc, id desc`, so the next page holds the rows strictly after
 * that pair. Clients must treat it as opaque.
 */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ t: c.createdAt.toISOString(), i: c.id }), 'utf8').toString('base64url');
}

const bad = (): AppError =>
  new AppError('validation_failed', 'cursor: not a cursor this server issued', {
    errors: [{ in: 'query', pointer: '/cursor', detail: 'not a cursor this server issued; start again without it' }],
  });

/** Throws `validation_failed` naming the query parameter `cursor` for anything this server did not issue. */
export function decodeCursor(s: string): Cursor {
  if (s.length === 0 || s.length > 200 || !/^[A-Za-z0-9_-]+$/.test(s)) throw bad();
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof v !== 'object' || v === null) throw bad();
  const { t, i } = v as { t?: unknown; i?: unknown };
  if (typeof t !== 'string' || typeof i !== 'string' || !isUuid(i)) throw bad();
  const createdAt = new Date(t);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== t) throw bad();
  return { createdAt, id: i };
}
