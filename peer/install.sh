#!/usr/bin/env bash
# Installs the pinned npm packages of every differential-test peer (peer/*/package.json) from its lock file.
# Idempotent: npm ci recreates node_modules exactly as the lock file says.
set -euo pipefail
cd "$(dirname "$0")"
for dir in */; do
  if [ -f "${dir}package.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "peer ${dir%/}: installed"
  fi
done
