/**
 * RFC 9457 problem details as the node sends them (src/http/problem.ts), and the one error type the web
 * application throws for a failed call. Field errors carry a JSON Pointer (`/offences/1`, `/identifiers/0/value`)
 * so a form can show each next to its field.
 */
export interface FieldProblem {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  detail: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldProblem[];
  retryAfter?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /** The field errors whose pointer is `pointer` or lies below it (`/identifiers` covers `/identifiers/0/value`). */
  fieldErrors(pointer: string): FieldProblem[] {
    return (this.problem.errors ?? []).filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
  }
}

function isProblem(v: unknown): v is Problem {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.status === 'number' && typeof p.code === 'string' && typeof p.title === 'string';
}

/** An ApiError from whatever a failed response carried: problem+json, or anything else (a proxy's HTML page). */
export function toApiError(status: number, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError({ ...body, detail: typeof body.detail === 'string' ? body.detail : '' });
  return new ApiError({ status, code: status === 0 ? 'network' : 'http_error', title: `HTTP ${status}`, detail: typeof body === 'string' ? body.slice(0, 200) : '' });
}
