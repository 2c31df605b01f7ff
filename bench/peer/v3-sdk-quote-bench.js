#!/usr/bin/env node
// Quotes per second of the official @uniswap/v3-sdk on the pool and swaps of clmm-bench-pools.json, the file
// ConcentratedLiquidityQuoteBenchmark (JMH) reads: Pool.getOutputAmount for each exact-input swap.
// Usage: node v3-sdk-quote-bench.js [warmupSeconds] [measureSeconds]   (prints one JSON object)
'use strict';
const path = require('path');
const peer = path.join(__dirname, '..', '..', 'peer', 'uniswap-v3', 'node_modules');
const { Token, CurrencyAmount } = require(path.join(peer, '@uniswap/sdk-core'));
const { Pool, Tick, TickMath, TickListDataProvider, TICK_SPACINGS } = require(path.join(peer, '@uniswap/v3-sdk'));
const JSBI = require(path.join(peer, 'jsbi'));
const doc = require('./clmm-bench-pools.json');

const warmup = Number(process.argv[2] || 1);
const measure = Number(process.argv[3] || 5);
const token0 = new Token(1, '0x0000000000000000000000000000000000000001', 18, 'T0');
const token1 = new Token(1, '0x0000000000000000000000000000000000000002', 18, 'T1');

function buildPool() {
  const byTick = new Map();
  for (const p of doc.positions) {
    const l = JSBI.BigInt(p.liquidity);
    for (const [index, sign] of [[p.tickLower, 1], [p.tickUpper, -1]]) {
      const t = byTick.get(index) || { gross: JSBI.BigInt(0), net: JSBI.BigInt(0) };
      t.gross = JSBI.add(t.gross, l);
      t.net = sign > 0 ? JSBI.add(t.net, l) : JSBI.subtract(t.net, l);
      byTick.set(index, t);
    }
  }
  const ticks = [...byTick.keys()].sort((a, b) => a - b)
    .map((index) => new Tick({ index, liquidityGross: byTick.get(index).gross, liquidityNet: byTick.get(index).net }));
  const sqrt = JSBI.BigInt(doc.sqrtPriceX96);
  const tick = TickMath.getTickAtSqrtRatio(sqrt);
  let liquidity = JSBI.BigInt(0);
  for (const p of doc.positions) {
    if (p.tickLower <= tick && tick < p.tickUpper) liquidity = JSBI.add(liquidity, JSBI.BigInt(p.liquidity));
  }
  return new Pool(token0, token1, doc.feePips, sqrt, liquidity, tick,
    new TickListDataProvider(ticks, TICK_SPACINGS[doc.feePips]));
}

async function rate(pool, amount, seconds) {
  let n = 0;
  let last;
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 50; i++) {
      last = await pool.getOutputAmount(amount);
    }
    n += 50;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { opsPerSecond: n / elapsed, out: last[0].quotient.toString() };
}

async function main() {
  const pool = buildPool();
  const result = {};
  for (const swap of doc.swaps) {
    const amount = CurrencyAmount.fromRawAmount(swap.zeroForOne ? token0 : token1, swap.amountIn);
    await rate(pool, amount, warmup);
    result[swap.name] = await rate(pool, amount, measure);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
