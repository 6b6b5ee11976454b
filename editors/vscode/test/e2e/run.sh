#!/usr/bin/env bash
# End-to-end test of the nianbao extension in real VS Code (code-server), driven by Playwright.
# Usage: run.sh CACHE_DIR VSIX SHOTS_DIR
#   CACHE_DIR  prepared by setup.sh (code-server, playwright-core); this run's profile goes to CACHE_DIR/run
#   VSIX       the packaged extension (npm run package in editors/vscode)
#   SHOTS_DIR  where the screenshots (and, on failure, logs) are written
# Exits 0 only if every step of e2e.js passed.
set -euo pipefail
CACHE=$(cd "${1:?usage: run.sh CACHE_DIR VSIX SHOTS_DIR}" && pwd)
VSIX=$(readlink -f "${2:?usage: run.sh CACHE_DIR VSIX SHOTS_DIR}")
SHOTS=${3:?usage: run.sh CACHE_DIR VSIX SHOTS_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
exec 3>&2   # timings go to the original stderr even where a command's output is redirected
T() { local s=$(date +%s%N) rc=0; "$@" || rc=$?; echo "TIMING $(( ($(date +%s%N) - s) / 1000000 )) ms :: $*" >&3; return $rc; }
RUN_START=$(date +%s%N)

[ -f "$CACHE/.nianbao-e2e-setup" ] || { echo "run.sh: $CACHE is not set up; run setup.sh $CACHE first" >&2; exit 2; }
[ -f "$VSIX" ] || { echo "run.sh: no such .vsix: $VSIX" >&2; exit 2; }
mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd)
rm -f "$SHOTS"/*.png "$SHOTS"/*.log

# A fresh profile and workspace for every run.
RUN="$CACHE/run"
rm -rf "$RUN"
mkdir -p "$RUN/data/User" "$RUN/exts" "$RUN/ws"
cp "$HERE"/fixtures/*.report.md "$RUN/ws/"
# files.autoSave: VS Code for the Web saves 1 s after typing by default; off, as on the desktop, so
# that the test decides when a file is saved (heading checks run on open and save).
cat > "$RUN/data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "files.autoSave": "off",
  "git.enabled": false,
  "chat.commandCenter.enabled": false,
  "nianbao.language": "zh"
}
EOF
# Empty config so that code-server neither reads nor writes ~/.config/code-server/config.yaml.
: > "$RUN/config.yaml"
CS=(node "$CACHE/node_modules/code-server/out/node/entry.js" --config "$RUN/config.yaml"
    --user-data-dir "$RUN/data" --extensions-dir "$RUN/exts")

T "${CS[@]}" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 \
  || { cat "$RUN/install.log" >&2; echo "run.sh: installing $VSIX failed" >&2; exit 1; }

# A free port on the loopback (the kernel picks one; it is free again a moment later).
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# Own process group (setsid) so that code-server's children (extension host, the nianbao server,
# pty host, file watcher) are all stopped together.
START=$(date +%s%N)
setsid "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$RUN/ws" > "$RUN/code-server.log" 2>&1 < /dev/null &
PID=$!
stop() {
  kill -TERM -- "-$PID" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 -- "-$PID" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$PID" 2>/dev/null || true
}
trap stop EXIT

until curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$RUN/code-server.log" >&2; echo "run.sh: code-server exited" >&2; exit 1; }
  [ $(( ($(date +%s%N) - START) / 1000000000 )) -lt 60 ] || { cat "$RUN/code-server.log" >&2; echo "run.sh: no /healthz after 60 s" >&2; exit 1; }
  sleep 0.2
done
echo "TIMING $(( ($(date +%s%N) - START) / 1000000 )) ms :: code-server up on port $PORT" >&2

rc=0
(cd "$CACHE" && T env NODE_PATH="$CACHE/node_modules" node "$HERE/e2e.js" \
  "http://127.0.0.1:$PORT/?folder=$RUN/ws" "$RUN/ws" "$SHOTS") || rc=$?

if [ $rc -ne 0 ]; then
  # Keep what helps to see why: code-server's log and the extension host's logs (the nianbao output channel).
  cp "$RUN/code-server.log" "$SHOTS/" 2>/dev/null || true
  find "$RUN/data/logs" -name '*.log' \( -path '*exthost*' -o -name 'remoteagent.log' \) -exec sh -c \
    'for f; do cp "$f" "$0/$(echo "${f#*/logs/}" | tr / _)"; done' "$SHOTS" {} + 2>/dev/null || true
  echo "run.sh: FAILED (exit $rc); logs copied to $SHOTS" >&2
fi
echo "TIMING $(( ($(date +%s%N) - RUN_START) / 1000000 )) ms :: run.sh in all (code-server is stopped on exit)" >&2
exit $rc
