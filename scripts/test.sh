#!/usr/bin/env bash
# The tests on a fresh machine, as CI runs them (.ci/run calls this):
#   1. the system packages (scripts/setup-host.sh; apt or dnf, as root);
#   2. Node 24, the runtime the actions declare, from the npm registry's `node` package when the
#      system's Node is older (into the user's cache, not over the system's);
#   3. npm ci, then every check (npm run all) inside the leftover check: the run fails when a
#      process the tests started outlives them, or they leave more than a few MB in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-host.sh
NODE_VERSION=24.21.0
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
  prefix="${XDG_CACHE_HOME:-$HOME/.cache}/kvm-actions/node-$NODE_VERSION"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_VERSION"
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
fi
echo "test: node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
# Files a run keeps for people to look at (the landing page's screenshots): kept, not leftovers.
export KVM_TEST_ARTIFACTS="${KVM_TEST_ARTIFACTS:-$PWD/test-artifacts}"
node scripts/leftovers.mjs -- npm run all
