#!/usr/bin/env bash
# Aave v3 health factors per second, Fracture (fast struct-of-arrays and exact contract mode, JMH, 1,000,000
# generated accounts) against the official @aave/math-utils (Node) on the same generator and seed, in one run;
# prints the ratios. The Node side reads the first 20,000 accounts from a temporary JSON file (not committed).
# Usage: bench/run-hf-vs-aave.sh            (from anywhere; installs the npm peer if it is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -d peer/aave-math/node_modules/@aave/math-utils ] || peer/install.sh
./mvnw -B -q -pl core,bench -am package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), node $(node --version)"
java -jar bench/target/benchmarks.jar HealthFactorBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf json -rff "$out/jmh.json" > "$out/jmh.log"
java -cp bench/target/benchmarks.jar dev.fracture.bench.LendingBenchAccounts 20000 "$out/accounts.json"
node bench/peer/aave-hf-bench.js "$out/accounts.json" 2 5 > "$out/aave.json"

node - "$out/jmh.json" "$out/aave.json" <<'JS'
const fs = require('fs');
const jmh = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const aave = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const score = {};
for (const r of jmh) score[r.benchmark.split('.').pop()] = r.primaryMetric;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const peers = [['formatUserSummary', aave.formatUserSummary.opsPerSecond],
  ['calculateHealthFactorFromBalances', aave.calculateHealthFactorFromBalances.opsPerSecond]];
console.log('| @aave/math-utils path | math-utils accounts/s | Fracture exact accounts/s (± 99.9%) | exact / peer | Fracture fast accounts/s (± 99.9%) | fast / peer |');
console.log('|---|---:|---:|---:|---:|---:|');
const e = score.exactContract;
const f = score.fastStructOfArrays;
const u = score.exactUnbounded;
for (const [name, s] of peers) {
  console.log(`| ${name} | ${fmt(s)} | ${fmt(e.score)} ± ${fmt(e.scoreError)} | ${(e.score / s).toFixed(1)}x | ` +
    `${fmt(f.score)} ± ${fmt(f.scoreError)} | ${(f.score / s).toFixed(0)}x |`);
}
console.log('');
console.log(`exact in words / exact in unbounded BigInteger (${fmt(u.score)} ± ${fmt(u.scoreError)} accounts/s): ` +
  `${(e.score / u.score).toFixed(1)}x`);
JS
