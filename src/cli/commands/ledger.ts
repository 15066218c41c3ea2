import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { LedgerGateway, LedgerReport } from '../ledger-gateway.ts';
import { CliError, examples, printJson, type Runtime } from '../output.ts';
import { addLocalOptions, addRemoteOptions, usageError, type TargetFlags } from '../target.ts';

interface JsonFlag {
  json?: boolean;
}

interface KeyFlags {
  vkey?: string;
  vkeyFile?: string;
}

/** A leaf index or tree size: a non-negative safe integer in canonical decimal. */
function parseCount(what: string): (value: string) => number {
  return (value: string) => {
    const n = /^(0|[1-9][0-9]{0,15})$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`Expected ${what}: a whole number from 0.`);
    return n;
  };
}

function targeted(cmd: Command): Command {
  return addRemoteOptions(addLocalOptions(cmd));
}

/** Reads a file given on the command line (`-` = stdin), as text. */
async function readInput(rt: Runtime, file: string, what: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of rt.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(resolve(rt.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** `--vkey` or `--vkey-file`, checked to be a well-formed verifier key; undefined when neither was given. */
async function givenKey(rt: Runtime, flags: KeyFlags): Promise<string | undefined> {
  const raw = flags.vkey ?? (flags.vkeyFile === undefined ? undefined : (await readInput(rt, flags.vkeyFile, 'verifier key file')).trim());
  if (raw === undefined) return undefined;
  const { parseVerifierKey } = await import('../../platform/ledger/note.ts');
  try {
    parseVerifierKey(raw);
  } catch (e) {
    throw new CliError(`the verifier key is not usable: ${(e as Error).message} (expected name+keyid+base64key, as printed by "comity ledger key")`);
  }
  return raw;
}

function keyOptions(cmd: Command, required: boolean): Command {
  return cmd
    .addOption(new Option('--vkey <vkey>', `the node's verifier key, name+keyid+base64key${required ? '' : ' (default: the node\'s own)'}`).conflicts('vkeyFile'))
    .option('--vkey-file <file>', 'read the verifier key from this file');
}

/** Opens a checkpoint note with the key and returns its size and root (base64); CliError when it does not verify. */
async function openNote(note: string, vkey: string, what: string): Promise<{ origin: string; size: number; rootHash: string }> {
  const { openCheckpoint } = await import('../../platform/ledger/checkpoint.ts');
  const { parseVerifierKey } = await import('../../platform/ledger/note.ts');
  const { toB64 } = await import('../../platform/ledger/base64.ts');
  try {
    const v = parseVerifierKey(vkey);
    const cp = openCheckpoint(note, v, v.name);
    return { origin: cp.origin, size: Number(cp.size), rootHash: toB64(cp.rootHash) };
  } catch (e) {
    throw new CliError(`${what} does not verify with the key ${vkey.split('+')[0] ?? ''}: ${(e as Error).message}`);
  }
}

function reportLine(r: LedgerReport, gw: LedgerGateway): string {
  if (!r.ok) {
    const at = r.index !== null ? ` at entry ${r.index}` : r.checkpointSize !== null ? ` at the checkpoint of size ${r.checkpointSize}` : '';
    const cp = r.index !== null && r.checkpointSize !== null ? ` (checkpoint at size ${r.checkpointSize})` : '';
    return `ledger verification failed${at}${cp}: ${r.reason}`;
  }
  const parts = [`${r.size} ${r.size === 1 ? 'entry' : 'entries'}`];
  if (gw.mode === 'local') parts.push(`${r.checkpoints} checkpoint${r.checkpoints === 1 ? '' : 's'}${r.latestCheckpoint !== null ? ` (latest at size ${r.latestCheckpoint})` : ''}`);
  else parts.push(r.latestCheckpoint !== null ? `latest checkpoint at size ${r.latestCheckpoint}` : 'no checkpoint signed yet');
  if (r.erased !== null) parts.push(`${r.erased} erased detail${r.erased === 1 ? '' : 's'}`);
  if (r.trustedCheckpoint !== null) parts.push(`consistent with the trusted checkpoint at size ${r.trustedCheckpoint}`);
  const via = gw.mode === 'remote' ? ` through ${gw.where}` : '';
  return `ledger ok${via}: ${parts.join(', ')}; log ${r.origin}`;
}

export function registerLedger(program: Command, rt: Runtime): void {
  const ledger = program
    .command('ledger')
    .description('Verify and prove the node\'s tamper-evident ledger: on its data folder (--data), or through its API (--url with an oversight, admin or ledger:read token)')
    .addHelpText(
      'after',
      examples(
        'comity ledger verify --data ./data',
        'COMITY_URL=https://node.example COMITY_TOKEN=… comity ledger verify --trusted-checkpoint last.note',
        'comity ledger receipt-verify receipt.json --vkey-file node.vkey',
      ) + '\nFormats, API and what verification proves: docs/ledger.md.\n',
    );

  targeted(
    keyOptions(
      ledger
        .command('verify')
        .summary('Recompute and check the whole ledger; name the first bad entry')
        .description(
          'Recompute the whole ledger and check it. On the data folder: every leaf hash, every stored subtree hash, every ' +
            'detail commitment that was not erased, every checkpoint\'s root and signature. Through the API: every leaf and ' +
            'the tree, against the latest signed checkpoint. Exits 1 naming the first bad entry (or checkpoint).',
        ),
      false,
    )
      .option('--trusted-checkpoint <file>', 'a checkpoint note kept from earlier: also prove the log still extends it (nothing rewritten or removed)')
      .option('--json', 'print the result as JSON (also on failure, with exit status 1)'),
  )
    .addHelpText(
      'after',
      examples(
        'comity ledger verify --data ./data',
        'comity ledger verify --url https://node.example --vkey-file node.vkey --trusted-checkpoint yesterday.note',
      ),
    )
    .action(async (opts: TargetFlags & JsonFlag & KeyFlags & { trustedCheckpoint?: string }, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const pinned = await givenKey(rt, opts);
      const trusted = opts.trustedCheckpoint === undefined ? undefined : await readInput(rt, opts.trustedCheckpoint, 'trusted checkpoint');
      const { report, line } = await withLedger(rt, cmd, opts, async (gw) => {
        const served = await gw.key();
        if (pinned !== undefined && gw.mode === 'remote' && served !== pinned)
          throw new CliError(`the node at ${gw.where} publishes another verifier key (${served}) than the one given`);
        const vkey = pinned ?? served;
        if (trusted !== undefined) await openNote(trusted, vkey, `the trusted checkpoint ${opts.trustedCheckpoint ?? ''}`);
        const r = await gw.verify(vkey, trusted);
        return { report: r, line: reportLine(r, gw) };
      });
      if (opts.json) printJson(rt, report);
      if (!report.ok) throw new CliError(line);
      if (!opts.json) rt.out(`${line}\n`);
    });

  targeted(
    ledger
      .command('prove')
      .summary('Print a checked inclusion proof of an entry (JSON)')
      .argument('<index>', 'the entry index (0 is the first entry)', parseCount('an entry index'))
      .description(
        'Print an RFC 9162 inclusion proof of entry INDEX as JSON {index, size, rootHash, proof, leaf, checkpoint}, ' +
          'checked before it is printed: by default in the tree of the latest signed checkpoint, whose note is included.',
      )
      .option('--size <n>', 'prove in the tree of the first N entries instead (no signed note unless a checkpoint has that size)', parseCount('a tree size')),
  )
    .addHelpText('after', examples('comity ledger prove 42 --data ./data', 'comity ledger prove 42 --url https://node.example > proof.json'))
    .action(async (index: number, opts: TargetFlags & { size?: number }, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const { fromB64, toB64 } = await import('../../platform/ledger/base64.ts');
      const { leafHash, verifyInclusion } = await import('../../platform/ledger/merkle.ts');
      const out = await withLedger(rt, cmd, opts, async (gw) => {
        const vkey = await gw.key();
        const note = await gw.latestCheckpoint();
        const latest = note === null ? null : await openNote(note, vkey, 'the node\'s latest checkpoint');
        const size = opts.size ?? latest?.size;
        if (size === undefined) throw new CliError('no checkpoint has been signed yet: sign one with "comity ledger checkpoint --issue", or pass --size');
        if (index >= size) throw new CliError(`entry ${index} is not in the tree of ${size} entries (indices run from 0 to ${size - 1})`);
        const p = await gw.inclusionProof(index, size);
        const leaf = await gw.leaf(index);
        const signed = latest !== null && latest.size === size ? latest : null;
        if (signed !== null && signed.rootHash !== p.rootHash) throw new CliError(`the node's proof uses root ${p.rootHash}, not the signed root ${signed.rootHash}`);
        try {
          verifyInclusion(BigInt(index), BigInt(size), leafHash(leaf), p.proof.map((h) => fromB64(h)), fromB64(p.rootHash));
        } catch (e) {
          throw new CliError(`the inclusion proof of entry ${index} does not verify: ${(e as Error).message}`);
        }
        return { index, size, rootHash: p.rootHash, proof: p.proof, leaf: toB64(leaf), ...(signed !== null && note !== null ? { checkpoint: note } : {}) };
      });
      printJson(rt, out);
    });

  targeted(
    ledger
      .command('consistency')
      .summary('Print a checked consistency proof from an earlier tree size (JSON)')
      .argument('<from>', 'the size of the earlier tree (e.g. of a checkpoint you kept)', parseCount('a tree size'))
      .description(
        'Print an RFC 9162 consistency proof from the tree of FROM entries to a later one as JSON ' +
          '{from, to, proof, oldRootHash, rootHash, checkpoint}, checked before it is printed: by default to the tree of ' +
          'the latest signed checkpoint, whose note is included.',
      )
      .option('--to <n>', 'prove up to the tree of the first N entries instead', parseCount('a tree size')),
  )
    .addHelpText('after', examples('comity ledger consistency 1200 --data ./data', 'comity ledger consistency 1200 --url https://node.example > consistency.json'))
    .action(async (from: number, opts: TargetFlags & { to?: number }, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const { fromB64 } = await import('../../platform/ledger/base64.ts');
      const { verifyConsistency } = await import('../../platform/ledger/merkle.ts');
      const out = await withLedger(rt, cmd, opts, async (gw) => {
        const vkey = await gw.key();
        const note = await gw.latestCheckpoint();
        const latest = note === null ? null : await openNote(note, vkey, 'the node\'s latest checkpoint');
        const to = opts.to ?? latest?.size;
        if (to === undefined) throw new CliError('no checkpoint has been signed yet: sign one with "comity ledger checkpoint --issue", or pass --to');
        if (from < 1 || from > to) throw new CliError(`a consistency proof runs from a tree of 1 to ${to} entries, not ${from}`);
        const proof = await gw.consistencyProof(from, to);
        const oldRootHash = await gw.root(from);
        const signed = latest !== null && latest.size === to ? latest : null;
        const rootHash = signed?.rootHash ?? (await gw.root(to));
        try {
          verifyConsistency(BigInt(from), BigInt(to), proof.map((h) => fromB64(h)), fromB64(oldRootHash), fromB64(rootHash));
        } catch (e) {
          throw new CliError(`the consistency proof from ${from} to ${to} does not verify: ${(e as Error).message}`);
        }
        return { from, to, proof, oldRootHash, rootHash, ...(signed !== null && note !== null ? { checkpoint: note } : {}) };
      });
      printJson(rt, out);
    });

  targeted(
    ledger
      .command('checkpoint')
      .summary('Print the latest signed checkpoint; --issue signs one now')
      .description(
        'Print the latest signed checkpoint (a C2SP tlog-checkpoint signed note), checked against the node\'s key. ' +
          'With --issue, first sign one of the current tree if it grew since the last (needs admin or oversight with --url).',
      )
      .option('--issue', 'sign a checkpoint now if the log grew')
      .option('--json', 'print {origin, size, rootHash, note} as JSON'),
  )
    .addHelpText('after', examples('comity ledger checkpoint --data ./data > latest.note', 'comity ledger checkpoint --issue --url https://node.example --json'))
    .action(async (opts: TargetFlags & JsonFlag & { issue?: boolean }, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const r = await withLedger(rt, cmd, opts, async (gw) => {
        let note: string | null;
        let issued: boolean | null = null;
        if (opts.issue) {
          const got = await gw.issueCheckpoint();
          if (got === null) throw new CliError('the ledger is empty: there is nothing to sign');
          note = got.note;
          issued = got.issued;
        } else note = await gw.latestCheckpoint();
        if (note === null) throw new CliError('no checkpoint has been signed yet: sign one with "comity ledger checkpoint --issue"');
        const cp = await openNote(note, await gw.key(), 'the node\'s checkpoint');
        return { ...cp, note, issued };
      });
      if (r.issued !== null)
        rt.err(r.issued ? `signed a checkpoint at size ${r.size}\n` : `the log has not grown since the checkpoint at size ${r.size}: nothing new to sign\n`);
      if (opts.json) printJson(rt, { origin: r.origin, size: r.size, rootHash: r.rootHash, note: r.note });
      else rt.out(r.note);
    });

  targeted(
    ledger
      .command('receipt')
      .summary('Fetch an offline receipt for an entry (JSON)')
      .argument('<index>', 'the entry index', parseCount('an entry index'))
      .description(
        'Print (or write) an offline receipt for entry INDEX: the leaf, its inclusion proof and the first signed ' +
          'checkpoint that covers it, as JSON. Anyone with the node\'s verifier key can check it with "comity ledger receipt-verify".',
      )
      .option('--out <file>', 'write the receipt to this file instead of stdout'),
  )
    .addHelpText('after', examples('comity ledger receipt 42 --data ./data --out receipt-42.json', 'comity ledger key --data ./data > node.vkey'))
    .action(async (index: number, opts: TargetFlags & { out?: string }, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const { verifyReceipt } = await import('../../platform/ledger/receipt.ts');
      const { receipt, size } = await withLedger(rt, cmd, opts, async (gw) => {
        const rc = await gw.receipt(index);
        try {
          return { receipt: rc, size: verifyReceipt(rc, await gw.key()).size };
        } catch (e) {
          throw new CliError(`the node's receipt for entry ${index} does not verify: ${(e as Error).message}`);
        }
      });
      const text = `${JSON.stringify(receipt, null, 2)}\n`;
      if (opts.out === undefined) {
        rt.out(text);
        return;
      }
      try {
        writeFileSync(resolve(rt.cwd, opts.out), text, { flag: 'w' });
      } catch (e) {
        throw new CliError(`cannot write ${opts.out}: ${(e as Error).message}`);
      }
      rt.err(`receipt for entry ${index} (proven in the checkpoint at size ${size}) written to ${opts.out}\n`);
    });

  keyOptions(
    ledger
      .command('receipt-verify')
      .summary('Check an offline receipt with the verifier key only')
      .argument('<file>', 'the receipt (JSON); - reads stdin')
      .description(
        'Check an offline receipt with nothing but the node\'s verifier key (no node, no database): the checkpoint\'s ' +
          'signature, the inclusion proof of the leaf in it, and that the entry names this log and this position.',
      ),
    true,
  )
    .option('--json', 'print {index, size, origin, entry} as JSON')
    .addHelpText('after', examples('comity ledger receipt-verify receipt-42.json --vkey-file node.vkey', 'comity ledger receipt-verify - --vkey "comity/…+1a2b3c4d+AQ…" < receipt.json'))
    .action(async (file: string, opts: KeyFlags & JsonFlag, cmd: Command) => {
      if (opts.vkey === undefined && opts.vkeyFile === undefined) usageError(cmd, 'the node\'s verifier key is needed: pass --vkey or --vkey-file');
      const vkey = (await givenKey(rt, opts)) ?? '';
      const raw = await readInput(rt, file, 'receipt');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new CliError(`${file} is not a receipt: it is not JSON`);
      }
      const { verifyReceipt } = await import('../../platform/ledger/receipt.ts');
      let r;
      try {
        r = verifyReceipt(json, vkey);
      } catch (e) {
        throw new CliError(`the receipt does not verify: ${(e as Error).message}`);
      }
      const { entry } = r;
      if (opts.json) {
        printJson(rt, { index: Number(r.index), size: Number(r.size), origin: r.origin, entry });
        return;
      }
      rt.out(
        `receipt ok: entry ${r.index} is in the log ${r.origin}, proven in its signed checkpoint at size ${r.size}\n` +
          `  at      ${entry.at}\n  actor   ${entry.actor}\n  action  ${entry.action}\n  object  ${entry.object.type} ${entry.object.id}\n` +
          `  commitment ${entry.commitment}\n`,
      );
    });

  targeted(
    ledger
      .command('key')
      .summary('Print the node\'s verifier key')
      .description('Print the node\'s verifier key (signed-note vkey: name+keyid+base64(0x01‖Ed25519 public key)), to publish and to pin')
      .option('--json', 'print {vkey, origin, keyId} as JSON'),
  )
    .addHelpText('after', examples('comity ledger key --data ./data > node.vkey', 'comity ledger key --url https://node.example'))
    .action(async (opts: TargetFlags & JsonFlag, cmd: Command) => {
      const { withLedger } = await import('../ledger-gateway.ts');
      const vkey = await withLedger(rt, cmd, opts, (gw) => gw.key());
      if (opts.json) {
        const [origin = '', keyId = ''] = vkey.split('+');
        printJson(rt, { vkey, origin, keyId });
      } else rt.out(`${vkey}\n`);
    });
}
