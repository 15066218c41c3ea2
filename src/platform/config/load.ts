import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { KEYS, ROLES, envName, type Config, type KeySpec } from './schema.ts';

export const CONFIG_FILE = 'comity.json';

/** Raised for an invalid configuration; the message names the key and its source, never a secret value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Source = 'flag' | 'environment' | 'config file' | 'default';

function parse(spec: KeySpec, raw: unknown, source: Source, label: string): unknown {
  const fail = (what: string): never => {
    const shown = spec.secret || raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
    throw new ConfigError(`invalid configuration: ${label} from ${source} must be ${what}${shown}`);
  };
  const fromText = typeof raw === 'string' && source !== 'config file';
  const k = spec.kind;
  switch (k.type) {
    case 'int': {
      const n = fromText ? (/^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < k.min || n > k.max)
        return fail(`an integer from ${k.min} to ${k.max}`);
      return n;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      if (fromText && /^(true|1|yes)$/i.test(raw)) return true;
      if (fromText && /^(false|0|no)$/i.test(raw)) return false;
      return fail('true or false');
    }
    case 'string': {
      if (typeof raw !== 'string' || raw.length === 0) return fail('a non-empty string');
      if (k.pattern && !k.pattern.test(raw)) return fail(k.hint ?? `a string matching ${k.pattern}`);
      return raw;
    }
    case 'enum': {
      if (typeof raw !== 'string' || !k.values.includes(raw)) return fail(`one of ${k.values.join(', ')}`);
      return raw;
    }
    case 'optional-string': {
      if (typeof raw !== 'string') return fail('a string');
      return raw;
    }
    case 'list': {
      const list = fromText ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
      if (!Array.isArray(list) || list.length === 0 || !list.every((r) => typeof r === 'string' && k.values.includes(r)))
        return fail(`a non-empty list among ${k.values.join(', ')}`);
      return Object.freeze([...new Set(list as string[])]);
    }
    case 'roles': {
      const list = fromText ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
      if (!Array.isArray(list) || !list.every((r) => typeof r === 'string' && (ROLES as readonly string[]).includes(r)))
        return fail(`a list of roles among ${ROLES.join(', ')}`);
      return Object.freeze([...new Set(list as string[])]);
    }
  }
}

export interface LoadOptions {
  /** Values given on the command line, by config key (highest precedence). */
  flags?: Partial<Record<keyof Config, unknown>>;
  /** The environment to read `COMITY_*` from (defaults to `process.env`; the only place it is read). */
  env?: Record<string, string | undefined>;
  /** Working directory for a relative data folder. */
  cwd?: string;
}

function readConfigFile(dataDir: string): Record<string, unknown> {
  const path = join(dataDir, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`invalid configuration: ${path} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigError(`invalid configuration: ${path} must hold a JSON object`);
  const known = new Set(KEYS.map((k) => k.key as string));
  for (const key of Object.keys(parsed)) {
    if (!known.has(key)) throw new ConfigError(`invalid configuration: unknown key "${key}" in ${path}`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads the configuration once: flags > `COMITY_*` environment > `comity.json` in the data folder > defaults.
 * The result is validated and frozen. Throws `ConfigError` naming the first bad key.
 */
export function loadConfig(opts: LoadOptions = {}): Config {
  const env = opts.env ?? process.env;
  const flags = opts.flags ?? {};
  const cwd = opts.cwd ?? process.cwd();
  const dataRaw = flags.dataDir ?? env.COMITY_DATA ?? './data';
  if (typeof dataRaw !== 'string' || dataRaw.length === 0)
    throw new ConfigError('invalid configuration: dataDir (--data, COMITY_DATA) must be a folder path');
  const dataDir = resolve(cwd, dataRaw);
  const file = readConfigFile(dataDir);
  const out: Record<string, unknown> = { dataDir };
  for (const spec of KEYS) {
    const e = envName(spec.key);
    let value: unknown;
    if (flags[spec.key] !== undefined) value = parse(spec, flags[spec.key], 'flag', spec.key);
    else if (env[e] !== undefined && env[e] !== '') value = parse(spec, env[e], 'environment', e);
    else if (file[spec.key] !== undefined) value = parse(spec, file[spec.key], 'config file', spec.key);
    else value = typeof spec.default === 'function' ? (spec.default as (d: string) => unknown)(dataDir) : spec.default;
    out[spec.key] = value;
  }
  return Object.freeze(out) as unknown as Config;
}

