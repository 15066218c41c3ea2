import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { PROBLEMS, PROBLEM_TYPE_BASE } from '../../src/http/problem.ts';
import type { ErrorCode, FieldError } from '../../src/platform/errors.ts';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
  retryAfter?: number;
}

/** Anything that looks like a V8 stack frame ("at fn (file.ts:1:2)") or a source location. */
export const STACK_LINE = /\bat\s+\S.*:\d+:\d+|node:internal|\.(ts|js|mjs|cjs):\d+/;

/**
 * Checks that a response is a complete RFC 9457 problem of `code` with the HTTP status its code maps to, that the
 * request id in the body is the one in the `x-request-id` header, and that nothing like a stack trace leaks.
 * Returns the parsed body.
 */
export function expectProblem(res: LightMyRequestResponse, code: ErrorCode, status = PROBLEMS[code].status): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json(;|$)/);
  const body = res.json<ProblemBody>();
  expect(body.type).toBe(`${PROBLEM_TYPE_BASE}${code}`);
  expect(body.code).toBe(code);
  expect(body.title).toBe(PROBLEMS[code].title);
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  expect(typeof body.instance).toBe('string');
  expect(body.instance.startsWith('/')).toBe(true);
  expect(body.instance).not.toContain('?');
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['x-request-id']).toBe(body.requestId);
  expect(Object.keys(body)).not.toContain('stack');
  expect(res.body).not.toMatch(STACK_LINE);
  const allowed = ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errors', 'retryAfter'];
  for (const k of Object.keys(body)) expect(allowed, `unexpected member ${k}`).toContain(k);
  return body;
}

/** The field errors of a validation problem, as `in pointer` strings. */
export function fieldsOf(body: ProblemBody): string[] {
  return (body.errors ?? []).map((e) => `${e.in} ${e.pointer}`);
}

/** Name → attributes of the cookies a response sets. */
export function cookieMap(res: LightMyRequestResponse): Map<string, { value: string; [k: string]: unknown }> {
  return new Map(res.cookies.map((c) => [c.name, c as { value: string; name: string }]));
}
