#!/usr/bin/env bash
# Concentrated-liquidity quotes per second, Fracture (exact and fast mode, JMH) against the official @uniswap/v3-sdk
# (Node), on the same pool and swaps (bench/peer/clmm-bench-pools.json), in one run; prints the ratios.
# Usage: bench/run-clmm-vs-sdk.sh            (from anywhere; installs the npm peer if it is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -d peer/uniswap-v3/node_modules/@uniswap/v3-sdk ] || peer/install.sh
./mvnw -B -q -pl core,bench -am package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), node $(node --version)"
java -jar bench/target/benchmarks.jar ConcentratedLiquidityQuoteBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf json -rff "$out/jmh.json" > "$out/jmh.log"
node bench/peer/v3-sdk-quote-bench.js 2 5 > "$out/sdk.json"

node - "$out/jmh.json" "$out/sdk.json" <<'JS'
const fs = require('fs');
const jmh = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const sdk = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const score = {};
for (const r of jmh) score[r.benchmark.split('.').pop()] = r.primaryMetric;
const rows = [['inRange', 'InRange'], ['cross10', 'Cross10Ticks']];
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log('| swap | v3-sdk quotes/s | exact quotes/s (± 99.9%) | exact / sdk | fast quotes/s (± 99.9%) | fast / sdk |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, suffix] of rows) {
  const s = sdk[name].opsPerSecond;
  const e = score['exact' + suffix];
  const f = score['fast' + suffix];
  console.log(`| ${name} | ${fmt(s)} | ${fmt(e.score)} ± ${fmt(e.scoreError)} | ${(e.score / s).toFixed(1)}x | ` +
    `${fmt(f.score)} ± ${fmt(f.scoreError)} | ${(f.score / s).toFixed(0)}x |`);
}
JS
