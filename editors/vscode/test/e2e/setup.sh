#!/usr/bin/env bash
# Installs what the end-to-end test needs into CACHE_DIR (idempotent; a no-op once done):
#   Debian: chromium (the browser Playwright drives), fonts-wqy-microhei (CJK glyphs for the
#           screenshots), ripgrep (replaces @vscode/ripgrep's GitHub download), libkrb5-dev +
#           build-essential + python3 (node-gyp builds of native modules);
#   npm:    code-server (= VS Code for the browser) and playwright-core, pinned by this folder's
#           package.json / package-lock.json, installed with --ignore-scripts because code-server's
#           postinstall downloads from GitHub; its postinstall is then done here by hand.
# Needs: Debian 12, root (for apt-get), Node 20 with headers in /usr/include/node, the npm registry.
# Usage: setup.sh CACHE_DIR        (about 1 min on 2 cores the first time, ~350 MB; then 0.1 s)
set -euo pipefail
CACHE=${1:?usage: setup.sh CACHE_DIR}
mkdir -p "$CACHE" && CACHE=$(cd "$CACHE" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
T() { local s=$(date +%s%N) rc=0; "$@" || rc=$?; echo "TIMING $(( ($(date +%s%N) - s) / 1000000 )) ms :: $*" >&2; return $rc; }

# What decides whether the install is still good: the pinned packages, this script, node's version.
STAMP="$(cat "$HERE/package.json" "$HERE/package-lock.json" "$HERE/setup.sh" | sha256sum | cut -c1-16) node-$(node --version)"
MARK="$CACHE/.nianbao-e2e-setup"
DEBS=(chromium fonts-wqy-microhei ripgrep libkrb5-dev build-essential python3)

debs_ok() { [ "$(dpkg-query -W -f='${db:Status-Status}\n' "${DEBS[@]}" 2>/dev/null | grep -cx installed)" = "${#DEBS[@]}" ]; }
if [ -f "$MARK" ] && [ "$(cat "$MARK")" = "$STAMP" ] && debs_ok && [ -x /usr/bin/chromium ]; then
  echo "setup: already done in $CACHE ($STAMP)"
  exit 0
fi
rm -f "$MARK"

# 1. Debian packages (only asks apt when one is missing).
if ! debs_ok; then
  export DEBIAN_FRONTEND=noninteractive
  T apt-get update -q >/dev/null
  T apt-get install -y -q --no-install-recommends "${DEBS[@]}" >/dev/null
fi

# 2. npm packages exactly as locked, no install scripts (code-server's would fail offline).
cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/"
cd "$CACHE"
T npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# 3. argon2 (code-server requires it at start-up): the prebuilt download fails, node-gyp builds it.
T npm rebuild argon2 --loglevel=error >/dev/null

# 4. What code-server's postinstall.sh does, by hand.
cd node_modules/code-server/lib/vscode
# (npm install, not ci: the package-lock.json code-server ships here is not in sync with its package.json;
#  npm install still follows it for everything it lists)
T npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg           # instead of @vscode/ripgrep's GitHub download
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
for m in node-pty @vscode/spdlog native-watchdog kerberos @vscode/deviceid; do
  log="$CACHE/gyp-${m//\//_}.log"
  T bash -c "cd 'node_modules/$m' && node '$NODE_GYP' rebuild --nodedir=/usr -j max >'$log' 2>&1" \
    || { echo "setup: building $m failed, see $log" >&2; exit 1; }
done
ln -sfn node_modules node_modules.asar                         # symlink_asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)       # symlink_bin_script remote-cli code code-server
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)        # symlink_bin_script helpers browser browser .sh
(cd extensions && T npm install --omit=dev --no-audit --no-fund --loglevel=error)  # built-in extensions' deps

# 5. Sanity: every native module loads, code-server answers --version, playwright-core loads.
node -e 'for (const m of ["node-pty","@vscode/spdlog","native-watchdog","kerberos","@parcel/watcher"]) require(m);'
cd "$CACHE"
node -e 'require("argon2"); require("playwright-core");'
node node_modules/code-server/out/node/entry.js --config "$CACHE/version-check.yaml" --version | tail -1
echo "$STAMP" > "$MARK"
echo "setup: done in $CACHE ($STAMP)"
