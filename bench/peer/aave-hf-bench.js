#!/usr/bin/env node
// Health factors per second of the official @aave/math-utils on the accounts LendingBenchAccounts generates (the
// same seed and generator as HealthFactorBenchmark), read from a JSON file that LendingBenchAccounts.main writes.
// Two paths: formatUserSummary (what the Aave interface calls per user) and the lowest-level route, per-reserve
// getMarketReferenceCurrencyAndUsdBalance then calculateHealthFactorFromBalances.
// Usage: node aave-hf-bench.js accounts.json [warmupSeconds] [measureSeconds]   (prints one JSON object)
'use strict';
const path = require('path');
const fs = require('fs');
const peer = path.join(__dirname, '..', '..', 'peer', 'aave-math', 'node_modules');
const math = require(path.join(peer, '@aave/math-utils'));
const { summary } = require(path.join(__dirname, '..', '..', 'peer', 'aave-math', 'health-factor.js'));

const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const warmup = Number(process.argv[3] || 2);
const measure = Number(process.argv[4] || 5);
const cases = doc.accounts.map((positions) => ({ reserves: doc.reserves, positions }));
const reserveOf = new Map(doc.reserves.map((r) => [r.asset, r]));

function lowLevel(positions) {
  let collateral = math.valueToBigNumber(0);
  let weighted = math.valueToBigNumber(0);
  let debt = math.valueToBigNumber(0);
  for (const p of positions) {
    const r = reserveOf.get(p.asset);
    const args = { priceInMarketReferenceCurrency: r.price, marketReferenceCurrencyDecimals: 8, decimals: r.decimals,
      marketReferencePriceInUsdNormalized: 1 };
    const s = math.getMarketReferenceCurrencyAndUsdBalance({ balance: p.supplied, ...args }).marketReferenceCurrencyBalance;
    const b = math.getMarketReferenceCurrencyAndUsdBalance({ balance: p.borrowed, ...args }).marketReferenceCurrencyBalance;
    if (p.collateral) {
      collateral = collateral.plus(s);
      weighted = weighted.plus(s.multipliedBy(r.lt));
    }
    debt = debt.plus(b);
  }
  const lt = collateral.gt(0) ? weighted.div(collateral) : math.valueToBigNumber(0);
  return math.calculateHealthFactorFromBalances({
    collateralBalanceMarketReferenceCurrency: collateral,
    borrowBalanceMarketReferenceCurrency: debt,
    currentLiquidationThreshold: lt,
  });
}

function rate(fn, seconds) {
  let done = 0;
  let i = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  for (;;) {
    for (let k = 0; k < 100; k++) {
      const hf = fn(cases[i]);
      if (hf.lt !== undefined ? hf.lt(1) : Number(hf) < 1) sink++;
      i = i + 1 === cases.length ? 0 : i + 1;
    }
    done += 100;
    const elapsed = process.hrtime.bigint() - start;
    if (elapsed >= limit) {
      return { opsPerSecond: done / (Number(elapsed) / 1e9), accounts: done, belowOne: sink };
    }
  }
}

const full = (c) => summary(c).healthFactor;
const low = (c) => lowLevel(c.positions);
rate(full, warmup);
const formatUserSummary = rate(full, measure);
rate(low, warmup);
const calculateHealthFactorFromBalances = rate(low, measure);
console.log(JSON.stringify({ node: process.version, formatUserSummary, calculateHealthFactorFromBalances }));
