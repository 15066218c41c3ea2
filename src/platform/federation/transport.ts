import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { isIP } from 'node:net';

/**
 * The HTTP client nodes use to reach each other: keep-alive agents, the system's CA roots plus any configured
 * federation CA, an optional client certificate (mutual TLS), a timeout on every request and a cap on the size of
 * an answer. Plain `http://` is allowed only to loopback hosts unless the node was started with the explicit
 * insecure flag.
 */
export interface TransportOptions {
  /** PEM file of extra CA certificates to trust (in addition to the system's). */
  caFile?: string;
  /** PEM client certificate and key presented to other nodes (mutual TLS). */
  clientCertFile?: string;
  clientKeyFile?: string;
  /** Allow plain http:// to non-loopback hosts (logged as a warning by the caller). */
  allowInsecureHttp?: boolean;
  /** Per-request timeout (connect + answer). Default 15 s. */
  timeoutMs?: number;
  /** Largest answer read. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Sockets kept per host. Default 16. */
  maxSockets?: number;
}

export interface TransportResponse {
  status: number;
  contentType: string;
  body: string;
}

export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

/** True for `localhost`, 127.0.0.0/8 and ::1. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/** Why an endpoint may not be used, or null when it may. */
export function endpointProblem(endpoint: string, allowInsecureHttp = false): string | null {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return `"${endpoint}" is not a URL`;
  }
  if (u.username || u.password) return 'an endpoint must not carry credentials';
  if (u.protocol === 'https:') return null;
  if (u.protocol !== 'http:') return `unsupported scheme ${u.protocol}`;
  if (isLoopback(u.hostname) || allowInsecureHttp) return null;
  return `plain http:// to ${u.hostname} is refused (use https://, or start the node with --insecure-http)`;
}

export class Transport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly allowInsecureHttp: boolean;

  constructor(opts: TransportOptions = {}) {
    const maxSockets = opts.maxSockets ?? 16;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    const ca = opts.caFile ? [...rootCertificates, readFileSync(opts.caFile, 'utf8')] : undefined;
    const cert = opts.clientCertFile ? readFileSync(opts.clientCertFile, 'utf8') : undefined;
    const key = opts.clientKeyFile ? readFileSync(opts.clientKeyFile, 'utf8') : undefined;
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets, ca, cert, key, minVersion: 'TLSv1.2' });
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxResponseBytes = opts.maxResponseBytes ?? 1024 * 1024;
    this.allowInsecureHttp = opts.allowInsecureHttp ?? false;
  }

  /** One request; resolves with whatever status the peer answered, rejects on network failure or timeout. */
  request(method: 'GET' | 'POST', url: string, body?: { contentType: string; text: string }): Promise<TransportResponse> {
    const problem = endpointProblem(url, this.allowInsecureHttp);
    if (problem) return Promise.reject(new TransportError(problem));
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : http;
    const agent = u.protocol === 'https:' ? this.httpsAgent : this.httpAgent;
    return new Promise<TransportResponse>((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'application/jose, application/problem+json, application/json' };
      let payload: Buffer | undefined;
      if (body) {
        payload = Buffer.from(body.text, 'utf8');
        headers['content-type'] = body.contentType;
        headers['content-length'] = String(payload.length);
      }
      const req = mod.request(u, { method, agent, headers, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > this.maxResponseBytes) {
            req.destroy(new TransportError(`the answer from ${u.host} is larger than ${this.maxResponseBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new TransportError(`no answer from ${u.host} within ${this.timeoutMs} ms`)));
      req.on('error', (e) => reject(e instanceof TransportError ? e : new TransportError(`${u.host}: ${(e as Error).message}`)));
      req.end(payload);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
