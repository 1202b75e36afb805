#!/usr/bin/env bash
# End to end tests of the wincompat language server (`node dist/server.js --stdio`) through real
# LSP clients, headless: Neovim's built-in client (test/e2e/nvim/lsp-e2e.lua) and Emacs + Eglot
# (test/e2e/emacs/eglot-e2e.el). Run by `npm run test:editors` and by .ci/run.
#
# Each editor gets a fresh copy of test/e2e/workspaces/basic (a Dockerfile on servercore:ltsc2019,
# a Kubernetes Deployment of a Windows image without nodeSelector; default target Windows Server
# 2022, process isolation) and, per file: waits for the diagnostic (process-isolation-mismatch,
# k8s-missing-os-selector), requests code actions, applies the preferred quick fix, writes the file
# and waits until the server publishes no diagnostic for it. This script then checks the files on
# disk and runs the CLI over the copy (it must find nothing any more).
#
# Installs neovim / emacs-nox / elpa-eglot with apt-get when missing (root or sudo). Builds the
# bundles when dist/ is missing or older than the sources. Env: E2E_TIMEOUT_MS (per wait,
# default 20000), KEEP_E2E=1 keeps the temp folders, WINCOMPAT_SERVER=<server .js> tests another
# server build than dist/server.js (no build then). Prints one PASS/FAIL line per editor and
# "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
t_all=$(date +%s%N)
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

# --- editors -------------------------------------------------------------------------------
has_eglot() { emacs --batch --eval "(progn (require 'package) (package-initialize) (require 'eglot))" >/dev/null 2>&1; }
missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
if ! command -v emacs >/dev/null || ! has_eglot; then missing+=(elpa-eglot); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]} (apt-get)"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "FAIL: apt-get install ${missing[*]}"; echo "0 passed, 2 failed"; exit 1; }
fi

# --- build -----------------------------------------------------------------------------------
server_js="${WINCOMPAT_SERVER:-$root/dist/server.js}"
[ -d node_modules ] || npm ci --no-audit --no-fund
if [ -z "${WINCOMPAT_SERVER:-}" ] && { [ ! -f dist/server.js ] || [ -n "$(find server/src client/src scripts/build.mjs -newer dist/server.js -type f 2>/dev/null | head -1)" ]; }; then
  echo "== building (node scripts/build.mjs)"
  node scripts/build.mjs --quiet || { echo "FAIL: build"; echo "0 passed, 2 failed"; exit 1; }
fi
if [ ! -f "$server_js" ]; then
  echo "FAIL: $server_js was not built (server/src/lsp/main.ts missing?)"; echo "0 passed, 2 failed"; exit 1
fi

# --- one editor run ----------------------------------------------------------------------------
CASES='[{"file":"Dockerfile","rule":"process-isolation-mismatch","title":"ltsc2022"},
        {"file":"k8s/deployment.yaml","rule":"k8s-missing-os-selector","title":"nodeSelector"}]'
pass=0; fail=0; lines=()

# check_disk WS: the quick fixes are on disk and the CLI finds nothing any more
check_disk() {
  local ws="$1" ok=0
  if ! grep -qx 'FROM mcr.microsoft.com/windows/servercore:ltsc2022' "$ws/Dockerfile"; then
    echo "disk: Dockerfile has no 'FROM …servercore:ltsc2022' line:"; cat "$ws/Dockerfile"; ok=1
  fi
  if ! grep -qF 'node.kubernetes.io/windows-build: "10.0.20348"' "$ws/k8s/deployment.yaml"; then
    echo "disk: k8s/deployment.yaml has no windows-build selector:"; cat "$ws/k8s/deployment.yaml"; ok=1
  fi
  local out; out="$(node dist/cli.js check "$ws" 2>&1)" || { echo "CLI re-check of the fixed files is not clean:"; echo "$out"; ok=1; }
  echo "$out" | tail -1
  return $ok
}

# run_editor NAME CMD...: runs the editor in its own process group on a fresh workspace copy
run_editor() {
  local name="$1"; shift
  local run; run="$(mktemp -d "${TMPDIR:-/tmp}/wincompat-$name.XXXXXX")"
  local ws="$run/ws" log="$run/$name.log" t; t=$(date +%s%N)
  mkdir -p "$run/home" && cp -R test/e2e/workspaces/basic "$ws"
  local rc=0
  ( export HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share" \
      XDG_STATE_HOME="$run/home/.local/state" XDG_CACHE_HOME="$run/home/.cache" \
      WINCOMPAT_SERVER="$server_js" E2E_WS="$ws" E2E_CASES="$CASES"
    cd "$ws" && exec setsid timeout 120 "$@" </dev/null ) > "$log" 2>&1 &
  local pid=$!
  wait "$pid" || rc=$?
  local left; left="$(pgrep -g "$pid" -a 2>/dev/null || true)"
  [ -z "$left" ] || { echo "left running after $name exited (killed): $left" >> "$log"; kill -- "-$pid" 2>/dev/null || true; }
  local verdict="PASS" why=""
  if [ "$rc" -ne 0 ]; then verdict="FAIL"; why="exit $rc"
  elif ! tail -1 "$log" | grep -q '"step": *"done"'; then verdict="FAIL"; why="no done step"
  elif ! check_disk "$ws" >> "$log" 2>&1; then verdict="FAIL"; why="files on disk"
  fi
  local took; took=$(ms "$t")
  if [ "$verdict" = PASS ]; then
    pass=$((pass + 1)); lines+=("PASS $name ($took ms): $(grep -c '"step": *"clean"' "$log") quick fixes applied, files on disk fixed, re-diagnosis clean")
    [ -n "${KEEP_E2E:-}" ] || rm -rf "$run"
  else
    fail=$((fail + 1)); lines+=("FAIL $name ($took ms): $why (log: $log)")
    echo "---- $name log ($log):"; cat "$log"
    [ -f "$run/home/.cache/nvim/lsp.log" ] && { echo "---- nvim lsp.log:"; tail -40 "$run/home/.cache/nvim/lsp.log"; }
  fi
}

run_editor neovim nvim --headless -n -i NONE -u "$root/test/e2e/nvim/lsp-e2e.lua"
run_editor emacs-eglot emacs --batch -l "$root/test/e2e/emacs/eglot-e2e.el"

printf '%s\n' "${lines[@]}"
echo "editor tests took $(ms "$t_all") ms"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
