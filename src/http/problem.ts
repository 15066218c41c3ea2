import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldErrorSchema, PROBLEM_TYPE_BASE, ProblemSchema, type Problem } from '../platform/http/route-kit.ts';
import { AppError, type ErrorCode, type FieldError } from '../platform/errors.ts';

/** HTTP status and title for every error code: the one place codes meet HTTP. */
export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  invalid_credentials: { status: 401, title: 'Invalid username or password' },
  totp_required: { status: 401, title: 'A one-time code is required' },
  totp_invalid: { status: 401, title: 'The one-time code is not valid' },
  totp_enrollment_required: { status: 403, title: 'Enrol a one-time code generator first' },
  account_locked: { status: 423, title: 'Account temporarily locked' },
  account_disabled: { status: 403, title: 'Account disabled' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf_failed: { status: 403, title: 'Missing or invalid CSRF token' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  version_conflict: { status: 409, title: 'The resource was changed by someone else' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
};

export { PROBLEM_TYPE_BASE, ProblemSchema, FieldErrorSchema, type Problem };

export function problemBody(req: FastifyRequest, code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const p = PROBLEMS[code];
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: p.title,
    status: p.status,
    detail,
    instance: req.url.split('?')[0] ?? req.url,
    code,
    requestId: String(req.id),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  // Also set here (not only in the onSend hook): router errors are answered before hooks run.
  reply.header('x-request-id', problem.requestId);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

const PART: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(err: FastifyError): FieldError[] {
  const where = PART[err.validationContext ?? 'body'] ?? 'body';
  return ((err.validation ?? []) as AjvError[]).map((v) => {
    let pointer = v.instancePath ?? '';
    const p = v.params ?? {};
    let detail = v.message ?? 'is not valid';
    if (typeof p.missingProperty === 'string') {
      pointer = `${pointer}/${p.missingProperty}`;
      detail = 'is required';
    } else if (typeof p.additionalProperty === 'string') {
      pointer = `${pointer}/${p.additionalProperty}`;
      detail = 'is not an allowed field';
    }
    return { in: where, pointer: pointer || '/', detail };
  });
}

/** Fastify's own error codes for bad requests, mapped onto ours. */
const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_TYPE: ['unsupported_media_type', 'the Content-Type header is not valid'],
  FST_ERR_CTP_EMPTY_TYPE: ['unsupported_media_type', 'the Content-Type header is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'the request body is larger than this node accepts'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', 'Content-Length does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['bad_request', 'the body is empty but Content-Type is application/json'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['bad_request', 'the body is not valid JSON'],
  FST_ERR_BAD_URL: ['bad_request', 'the URL is not valid'],
  FST_ERR_ASYNC_CONSTRAINT: ['bad_request', 'the request could not be routed'],
};

/** Turns anything thrown while handling a request into problem+json. Unknown errors become a fixed 500. */
export function toProblem(err: unknown, req: FastifyRequest): { problem: Problem; log: boolean } {
  if (err instanceof AppError) {
    const extra: Partial<Problem> = {};
    if (err.errors) extra.errors = err.errors;
    if (err.retryAfter !== undefined) extra.retryAfter = err.retryAfter;
    return { problem: problemBody(req, err.code, err.message, extra), log: err.code === 'internal' };
  }
  const fe = err as FastifyError;
  if (fe && fe.validation) {
    const errors = fieldErrors(fe);
    const first = errors[0];
    const detail = first ? `${first.in} ${first.pointer}: ${first.detail}` : 'the request is not valid';
    return { problem: problemBody(req, 'validation_failed', detail, { errors }), log: false };
  }
  if (fe && typeof fe.code === 'string' && FASTIFY_CODES[fe.code]) {
    const [code, detail] = FASTIFY_CODES[fe.code] as [ErrorCode, string];
    return { problem: problemBody(req, code, detail), log: false };
  }
  if (err instanceof SyntaxError || (fe && fe.statusCode === 400)) {
    return { problem: problemBody(req, 'bad_request', 'the request could not be parsed'), log: false };
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 413 ? 'payload_too_large' : fe.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    return { problem: { ...problemBody(req, code, 'the request was not accepted'), status: fe.statusCode }, log: false };
  }
  return { problem: problemBody(req, 'internal', `an internal error occurred; quote request id ${String(req.id)}`), log: true };
}

/** Installs the root error and not-found handlers. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { problem, log } = toProblem(err, req);
    if (log) req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemBody(req, 'not_found', `no route ${req.method} ${req.url.split('?')[0] ?? ''}`)),
  );
}
