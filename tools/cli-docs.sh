#!/bin/sh
# Regenerates docs/cli.md from the CLI's own --help texts: ./nodew sh tools/cli-docs.sh > docs/cli.md
set -eu
cd "$(dirname "$0")/.."
cat <<'HEAD'
# The `comity` command

Every command prints its own help with `--help`; this page gathers them (regenerate with
`./nodew sh tools/cli-docs.sh > docs/cli.md`). Run it as `npx comity …` after `npm ci` (the `bin` shim restarts
under Node 24 when an older Node started it), or `./nodew node src/cli/main.ts …`.

Exit codes: **0** success, **1** failure (the reason is one line on stderr), **2** usage error.
Data-folder commands (`--data DIR`, default `COMITY_DATA` or `./data`) act as the local operator; with `--url`
and `--token` (or `COMITY_URL`, `COMITY_TOKEN`) the `user`, `token list|revoke` and `ledger` commands act through a
running node's API with that token's rights; the `federation` and `request` commands (and `directory show
--url`) only act that way. `directory` commands work on a directory authority's workspace folder (`--dir`).
Passwords and passphrases are read from standard input (`--password-stdin`, `--passphrase-stdin`) or the
environment (`COMITY_KEY_PASSPHRASE`), never from the command line. The ledger's formats, API and guarantees are
specified in [ledger.md](ledger.md); running a federation is described in
[operations.md](operations.md#federation-in-practice); cooperation requests in [requests.md](requests.md).
HEAD
for c in "" "init" "start" "user" "user add" "user list" "user disable" "user enable" "user reset-password" "user roles" "token" "token create" "token list" "token revoke" "ledger" "ledger verify" "ledger prove" "ledger consistency" "ledger checkpoint" "ledger receipt" "ledger receipt-verify" "ledger key" "keys" "keys show" "keys rotate" "keys seal" "directory" "directory init" "directory add-node" "directory remove-node" "directory set-state" "directory publish" "directory show" "federation" "federation ping" "federation status" "federation retry" "federation witness" "federation refresh" "request" "request list" "request show" "request export" "demo"; do
  printf '\n## comity %s\n\n```text\n' "$c"
  # shellcheck disable=SC2086
  node src/cli/main.ts $c --help
  printf '```\n'
done
