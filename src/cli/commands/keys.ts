import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../../platform/config/schema.ts';
import { CliError, examples, formatTable, printJson, shortTime, type Runtime } from '../output.ts';

interface DataFlag {
  data?: string;
}

interface JsonFlag {
  json?: boolean;
}

/** `--overlap-days`: whole days from 0 (0 = the previous keys stop at once, e.g. after a compromise). */
function parseOverlap(value: string): number {
  const n = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n > 3660) throw new InvalidArgumentError('Expected a whole number of days from 0 to 3660.');
  return n;
}

/** The initialised data folder the flags name, with its configuration (COMITY_KEY_PASSPHRASE included). */
async function folder(rt: Runtime, flags: DataFlag): Promise<Config> {
  const { configFor } = await import('../context.ts');
  const { folderProblem, inspectDataFolder } = await import('../data-folder.ts');
  const config = configFor(rt, { dataDir: flags.data });
  const state = inspectDataFolder(config.dataDir);
  if (state !== 'initialised') throw new CliError(folderProblem(config.dataDir, state));
  return config;
}

function noKeys(dataDir: string): CliError {
  return new CliError(
    `${dataDir} has no federation keys yet: "comity init" makes them (or the node's first start); if the folder was restored, restore its keys/ too`,
  );
}

type KeyStatus = 'active' | 'retired' | 'expired';

function statusOf(expiresAt: string | null, now: Date): KeyStatus {
  if (expiresAt === null) return 'active';
  return Date.parse(expiresAt) > now.getTime() ? 'retired' : 'expired';
}

export function registerKeys(program: Command, rt: Runtime): void {
  const keys = program
    .command('keys')
    .description(
      'Show, rotate and seal the node\'s keys in <data>/keys: the ledger key (signs checkpoints; never rotated) and the ' +
        'federation signing (Ed25519) and encryption (X25519) keys. Sealed folders need COMITY_KEY_PASSPHRASE.',
    )
    .addHelpText('after', examples('comity keys show --data ./data', 'comity keys rotate --data ./data', 'printf \'%s\' "$PASSPHRASE" | comity keys seal --data ./data --passphrase-stdin'));

  keys
    .command('show')
    .description('Print the node id, the ledger origin and verifier key, and every federation key (kid, use, status, created, expires)')
    .option('--data <dir>', 'the node\'s data folder (default: COMITY_DATA, else ./data)')
    .option('--json', 'print the keys as JSON (public parts only)')
    .addHelpText(
      'after',
      examples('comity keys show --data ./data', 'COMITY_KEY_PASSPHRASE=… comity keys show --data ./data --json') +
        '\nA kid is the key\'s RFC 7638 SHA-256 thumbprint: compare it with what "comity directory add-node" prints.\n',
    )
    .action(async (opts: DataFlag & JsonFlag) => {
      const config = await folder(rt, opts);
      const { keyPassphrase, withKeys } = await import('../keys.ts');
      const { loadNodeKeys } = await import('../../platform/keys/keyset.ts');
      const { encodeVerifierKey } = await import('../../platform/ledger/note.ts');
      const { readFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const now = new Date();
      const k = withKeys(config.dataDir, () => loadNodeKeys(config.dataDir, { passphrase: keyPassphrase(config), now }));
      if (k === null) throw noKeys(config.dataDir);
      let ledgerCreated: string | null = null;
      try {
        const id = JSON.parse(readFileSync(join(config.dataDir, 'keys', 'node.json'), 'utf8')) as { createdAt?: unknown };
        if (typeof id.createdAt === 'string') ledgerCreated = id.createdAt;
      } catch {
        // the creation time is only informative
      }
      const vkey = encodeVerifierKey(k.ledger.origin, k.ledger.publicKeyRaw);
      const records = k.records.map((r) => ({
        kid: r.kid,
        use: r.use,
        alg: r.alg,
        status: statusOf(r.expiresAt, now),
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        publicJwk: r.publicJwk,
      }));
      if (opts.json) {
        printJson(rt, {
          dataDir: config.dataDir,
          nodeId: k.nodeId,
          ledger: { origin: k.ledger.origin, vkey, kid: k.ledger.kid, createdAt: ledgerCreated },
          sealed: k.sealed,
          keys: records,
        });
        return;
      }
      rt.out(
        `node      ${k.nodeId}\n` +
          `ledger    ${k.ledger.origin} (key ${k.ledger.kid}, never rotated)\n` +
          `verifier  ${vkey}\n` +
          `sealed    ${k.sealed ? 'yes (opened with COMITY_KEY_PASSPHRASE)' : 'no'}\n\n`,
      );
      const rows = [
        [k.ledger.kid, 'ledger', 'EdDSA', 'active', shortTime(ledgerCreated), '-'],
        ...[...records].reverse().map((r) => [r.kid, r.use, r.alg, r.status, shortTime(r.createdAt), shortTime(r.expiresAt)]),
      ];
      rt.out(formatTable(['KID', 'USE', 'ALG', 'STATUS', 'CREATED', 'EXPIRES'], rows));
    });

  keys
    .command('rotate')
    .description(
      'Make new federation signing and encryption keys active; the previous ones stay published and valid for ' +
        'verification and decryption for the overlap period (messages in flight still open). The ledger key is not touched.',
    )
    .option('--data <dir>', 'the node\'s data folder (default: COMITY_DATA, else ./data)')
    .option('--overlap-days <n>', 'how long the previous keys stay valid (default: keyRotationOverlapDays, 30)', parseOverlap)
    .option('--json', 'print the added and retired keys as JSON')
    .addHelpText(
      'after',
      examples('comity keys rotate --data ./data', 'COMITY_KEY_PASSPHRASE=… comity keys rotate --data /srv/comity --overlap-days 7') +
        '\nThen restart the node (it loads its keys at start) and have the directory authority re-add its new card\n' +
        '("comity directory add-node --card https://<node>") and publish; until then other nodes refuse what it signs\n' +
        'with the new key, and the outbox retries.\n',
    )
    .action(async (opts: DataFlag & JsonFlag & { overlapDays?: number }) => {
      const config = await folder(rt, opts);
      const { keyPassphrase, withKeys } = await import('../keys.ts');
      const { loadNodeKeys, rotateNodeKeys } = await import('../../platform/keys/keyset.ts');
      const passphrase = keyPassphrase(config);
      const overlapDays = opts.overlapDays ?? config.keyRotationOverlapDays;
      const current = withKeys(config.dataDir, () => loadNodeKeys(config.dataDir, { passphrase }));
      if (current === null) throw noKeys(config.dataDir);
      const r = withKeys(config.dataDir, () => rotateNodeKeys(config.dataDir, { passphrase, overlapDays }));
      const view = (x: (typeof r.added)[number]) => ({ kid: x.kid, use: x.use, alg: x.alg, createdAt: x.createdAt, expiresAt: x.expiresAt });
      if (opts.json) printJson(rt, { nodeId: current.nodeId, overlapDays, added: r.added.map(view), retired: r.retired.map(view) });
      else {
        rt.out(`rotated the federation keys of node ${current.nodeId} (overlap ${overlapDays} day${overlapDays === 1 ? '' : 's'}):\n`);
        rt.out(
          formatTable(
            ['CHANGE', 'USE', 'KID', 'VALID UNTIL'],
            [...r.added.map((x) => ['added', x.use, x.kid, '(active)']), ...r.retired.map((x) => ['retired', x.use, x.kid, x.expiresAt ?? '-'])],
          ),
        );
      }
      rt.err(
        'next: restart the node so that it uses the new keys, then have the directory authority re-add its card and publish:\n' +
          '  comity directory add-node --dir <authority folder> --card <this node\'s URL>\n' +
          '  comity directory publish --dir <authority folder>\n',
      );
    });

  keys
    .command('seal')
    .description(
      'Seal every private key file of the folder (ledger and federation keys) with a passphrase (PBES2, AES-256-GCM): ' +
        'the node then needs COMITY_KEY_PASSPHRASE at every start. Idempotent.',
    )
    .option('--data <dir>', 'the node\'s data folder (default: COMITY_DATA, else ./data)')
    .option('--passphrase-stdin', 'read the passphrase from stdin (piped: all of it, trailing newline removed; terminal: prompted) instead of COMITY_KEY_PASSPHRASE')
    .addHelpText(
      'after',
      examples('printf \'%s\' "$PASSPHRASE" | comity keys seal --data ./data --passphrase-stdin', 'COMITY_KEY_PASSPHRASE=… comity keys seal --data ./data') +
        '\nThe passphrase is never taken as a command-line argument. Stop the node first, and start it again with\n' +
        'COMITY_KEY_PASSPHRASE set. Removing a plain key file does not scrub the disk blocks it used.\n',
    )
    .action(async (opts: DataFlag & { passphraseStdin?: boolean }) => {
      const config = await folder(rt, opts);
      const { keyPassphrase, readPassphrase, withKeys } = await import('../keys.ts');
      const { loadNodeKeys, sealKeys } = await import('../../platform/keys/keyset.ts');
      const given = opts.passphraseStdin ? 'the passphrase' : 'COMITY_KEY_PASSPHRASE';
      const passphrase = opts.passphraseStdin ? await readPassphrase(rt, 'the node\'s keys') : keyPassphrase(config);
      if (passphrase === undefined) throw new CliError('give the passphrase on stdin with --passphrase-stdin, or in COMITY_KEY_PASSPHRASE');
      const r = withKeys(config.dataDir, () => sealKeys(config.dataDir, passphrase), given);
      // Everything must open with it now.
      const k = withKeys(config.dataDir, () => loadNodeKeys(config.dataDir, { passphrase }), given);
      if (k === null) throw noKeys(config.dataDir);
      if (r.sealed.length === 0) rt.out(`every key file in ${config.dataDir}/keys was already sealed; nothing changed\n`);
      else rt.out(`sealed ${r.sealed.length} key file${r.sealed.length === 1 ? '' : 's'} in ${config.dataDir}/keys: ${r.sealed.join(', ')}\n`);
      rt.err('the node now needs COMITY_KEY_PASSPHRASE (this passphrase) at every start, and so do the commands that use its keys\n');
    });
}
