import { AppError, type FieldError } from '../../platform/errors.ts';
import type { ResultItem } from './store.ts';

/**
 * The body of `POST /api/v1/requests/{id}/events`: the event and the version the user saw, plus what that event
 * needs. Which fields an event needs is checked here, field by field, before any rule of the lifecycle runs.
 */
export interface CommandInput {
  event: string;
  version: number;
  reason?: string;
  reasons?: string;
  grounds?: string[];
  outcome?: string;
  conditions?: string[];
  kept?: boolean;
  questions?: string;
  answer?: string;
  final?: boolean;
  summary?: string;
  items?: ResultItem[];
  useLimitation?: string;
  confidentiality?: string;
  preservedUntil?: string;
  decision?: { reference: string; authority: string; date: string };
  note?: string;
  thirdState?: string;
  recipient?: string;
  purpose?: string;
  transferId?: string;
  authorized?: boolean;
}

export const TEXT_MAX = 20_000;
export const LINE_MAX = 500;

/** Collects field errors and throws them together as one 422. */
export class InputErrors {
  private readonly errors: FieldError[] = [];
  add(field: string, detail: string): void {
    this.errors.push({ in: 'body', pointer: `/${field}`, detail });
  }
  check(): void {
    if (this.errors.length === 0) return;
    const first = this.errors[0];
    const msg = this.errors.length === 1 && first ? `${first.pointer.slice(1)}: ${first.detail}` : `${this.errors.length} fields are invalid`;
    throw new AppError('validation_failed', msg, { errors: this.errors });
  }
}

/** A required non-blank text of at most `max` characters, trimmed. */
export function text(e: InputErrors, field: string, v: string | undefined, max: number, required: boolean): string {
  const s = (v ?? '').trim();
  if (required && s.length === 0) e.add(field, 'is required');
  else if (s.length > max) e.add(field, `must be at most ${max} characters`);
  return s;
}

export function textList(e: InputErrors, field: string, v: readonly string[] | undefined, required: boolean): string[] {
  const list = (v ?? []).map((s) => s.trim());
  if (required && list.length === 0) e.add(field, 'needs at least one item');
  list.forEach((s, i) => {
    if (s.length === 0) e.add(`${field}/${i}`, 'must not be blank');
    else if (s.length > TEXT_MAX) e.add(`${field}/${i}`, `must be at most ${TEXT_MAX} characters`);
  });
  return list;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isoDate(e: InputErrors, field: string, v: string | undefined, required: boolean): string | null {
  if (v === undefined || v.trim() === '') {
    if (required) e.add(field, 'is required (YYYY-MM-DD)');
    return null;
  }
  const s = v.trim();
  const d = new Date(`${s}T00:00:00Z`);
  if (!ISO_DATE.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    e.add(field, 'must be a calendar date YYYY-MM-DD');
    return null;
  }
  return s;
}
