import { ApiError, CliError, oneLine, scrub } from './output.ts';

export interface ApiClientOptions {
  /** Base URL of the node, e.g. `http://127.0.0.1:8080` (a path prefix such as `/comity` is kept). */
  url: string;
  /** A bearer API token (`comity_pat_…`). Sent only in the Authorization header, never logged or shown. */
  token: string;
  timeoutMs?: number;
}

type Query = Record<string, string | number | boolean | undefined>;

/** Checks a node URL given on the command line or in COMITY_URL; returns why it is unusable, or null. */
export function nodeUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'must be an absolute URL such as http://127.0.0.1:8080';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must start with http:// or https://';
  if (u.username || u.password) return 'must not carry credentials (use --token or COMITY_TOKEN)';
  if (u.search || u.hash) return 'must not have a query or fragment';
  return null;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the node running?)',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be resolved',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate cannot be verified',
};

function networkReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no answer in time';
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  return e instanceof Error ? e.message : 'unknown network error';
}

/** Turns an error response into one readable line: the problem's detail, status and code. */
export function problemLine(status: number, statusText: string, contentType: string, text: string): string {
  if (/json/i.test(contentType)) {
    try {
      const p = JSON.parse(text) as { detail?: unknown; title?: unknown; code?: unknown };
      const detail = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' ? p.title : '';
      const code = typeof p.code === 'string' ? `, ${p.code}` : '';
      if (detail) return scrub(oneLine(`${detail} (HTTP ${status}${code})`));
    } catch {
      // fall through to the plain status line
    }
  }
  return `the node answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}

/**
 * A small client for a running node's `/api/v1` (the CLI's `--url` mode). Errors become `ApiError` (the node
 * refused: problem+json in one line) or `CliError` (the node could not be reached).
 */
export class ApiClient {
  private readonly base: URL;
  private readonly token: string;
  private readonly timeoutMs: number;

  constructor(opts: ApiClientOptions) {
    const problem = nodeUrlProblem(opts.url);
    if (problem) throw new CliError(`the node URL ${problem}`);
    this.base = new URL(opts.url.endsWith('/') ? opts.url : `${opts.url}/`);
    this.token = opts.token;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** The node's origin and path, for messages. */
  get where(): string {
    return this.base.toString().replace(/\/$/, '');
  }

  /** GETs a binary resource (a PDF): its bytes and content type; errors as for `request`. */
  async download(path: string, accept: string): Promise<{ bytes: Buffer; contentType: string }> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Bearer ${this.token}`, accept }, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw new CliError(`cannot reach the node at ${this.where}: ${networkReason(e)}`);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok) {
      const text = bytes.toString('utf8');
      let code = `http_${res.status}`;
      try {
        const parsed = JSON.parse(text) as { code?: unknown };
        if (typeof parsed.code === 'string') code = parsed.code;
      } catch {
        // not JSON
      }
      throw new ApiError(problemLine(res.status, res.statusText, res.headers.get('content-type') ?? '', text), res.status, code);
    }
    return { bytes, contentType: res.headers.get('content-type') ?? '' };
  }

  /** Sends one request; resolves to the parsed JSON body (undefined for 204). `path` is relative, e.g. `api/v1/users`. */
  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw new CliError(`cannot reach the node at ${this.where}: ${networkReason(e)}`);
    }
    const text = await res.text();
    if (!res.ok) {
      const line = problemLine(res.status, res.statusText, res.headers.get('content-type') ?? '', text);
      let code = `http_${res.status}`;
      try {
        const parsed = JSON.parse(text) as { code?: unknown };
        if (typeof parsed.code === 'string') code = parsed.code;
      } catch {
        // not JSON: keep the status-derived code
      }
      throw new ApiError(line, res.status, code);
    }
    if (res.status === 204 || text.length === 0) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(`the node at ${this.where} answered with something that is not JSON (is --url the node's address?)`);
    }
  }
}
