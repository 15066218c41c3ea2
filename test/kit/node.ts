import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config/load.ts';
import type { Config, Role } from '../../src/platform/config/schema.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { Services } from '../../src/modules/index.ts';
import type { Ledger } from '../../src/platform/ledger/ledger.ts';
import { LOCAL_OPERATOR } from '../../src/modules/accounts/service.ts';
import { totpAt } from '../../src/modules/accounts/totp.ts';

/** A valid configuration for tests: real argon2id at its smallest allowed cost, silent logs. */
export function testConfig(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'comity-node-'));
  return loadConfig({
    flags: { dataDir, state: 'XA', logLevel: 'silent', argon2MemoryKib: 8192, argon2Passes: 1, ...overrides },
    env: {},
  });
}

export interface TestNode {
  app: FastifyInstance;
  services: Services;
  ledger: Ledger;
  clock: ManualClock;
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/** Builds the real app (every plugin, every route) on an already migrated database. */
export async function buildTestNode(database: Database, overrides: Partial<Record<keyof Config, unknown>> = {}): Promise<TestNode> {
  const config = testConfig({ databaseUrl: 'unused', ...overrides });
  const clock = new ManualClock(new Date());
  const { app, services, ledger } = await buildApp({ config, database, clock, logger: createLogger('silent') });
  return { app, services, ledger, clock, config, database, close: () => app.close() };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  roles: Role[];
  totpSecret?: string;
}

let counter = 0;

/** Creates a user through the accounts service; with `totp`, enrols a second factor the real way. */
export async function createUser(node: TestNode, roles: Role[], opts: { username?: string; totp?: boolean } = {}): Promise<TestUser> {
  counter += 1;
  const username = opts.username ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const password = `correct horse battery ${counter}`;
  const u = await node.services.accounts.createUser(LOCAL_OPERATOR, { username, password, roles });
  const out: TestUser = { id: u.id, username, password, roles };
  if (opts.totp) {
    const actor = { userId: u.id, username, roles, via: 'session' as const };
    const { secret } = await node.services.accounts.beginTotpEnrollment(actor);
    await node.services.accounts.confirmTotp(actor, totpAt(secret, node.clock.now()));
    out.totpSecret = secret;
    // The code just used cannot be replayed: move to the next 30-second step.
    node.clock.advance(30_000);
  }
  return out;
}

/** An API token for the user, scoped to the given roles (default: all of theirs). */
export async function tokenFor(node: TestNode, user: TestUser, roles: Role[] = user.roles): Promise<string> {
  const { token } = await node.services.accounts.createToken(LOCAL_OPERATOR, user.id, { name: 'test', roles, expiresInDays: 1 });
  return token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Logs in through the HTTP API; returns headers that carry the session cookie and CSRF token. */
export async function loginSession(node: TestNode, user: TestUser): Promise<{ headers: Record<string, string>; res: LightMyRequestResponse }> {
  const payload: Record<string, string> = { username: user.username, password: user.password };
  if (user.totpSecret) payload.totp = totpAt(user.totpSecret, node.clock.now());
  const res = await node.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return {
    res,
    headers: {
      cookie: `comity_session=${cookies.comity_session}; comity_csrf=${cookies.comity_csrf}`,
      'x-csrf-token': String(cookies.comity_csrf),
    },
  };
}
