#!/usr/bin/env node
// Differential-test peer for dev.fracture.market.ConcentratedLiquidityPool: the official @uniswap/v3-sdk quoting
// the same pools and swaps.
//
// stdin: one JSON document
//   { "pools": [ { "fee": 3000, "ticks": [ { "index": -60, "liquidityGross": "1", "liquidityNet": "1" }, ... ] } ],
//     "cases": [ { "pool": 0, "sqrtPriceX96": "...", "tick": -3, "liquidity": "...", "zeroForOne": true,
//                  "amountSpecified": "1000" (>0 exact in, <0 exact out), "sqrtPriceLimitX96": "..." or null,
//                  "checkPublic": true } ] }
// stdout: one JSON array per case, in order:
//   [amountCalculated, sqrtRatioX96, liquidity, tickCurrent, publicAmount]   (strings but the tick)
// where amountCalculated is Pool.swap's (v3Swap) signed amount of the unspecified token, and publicAmount is the
// quotient of getOutputAmount / getInputAmount when checkPublic is set (else null); or ["error", message].
'use strict';
const { Token } = require('@uniswap/sdk-core');
const { Pool, TickListDataProvider, Tick } = require('@uniswap/v3-sdk');
const JSBI = require('jsbi');

const TOKEN0 = new Token(1, '0x0000000000000000000000000000000000000001', 18, 'T0', 'token0');
const TOKEN1 = new Token(1, '0x0000000000000000000000000000000000000002', 18, 'T1', 'token1');
const { TICK_SPACINGS } = require('@uniswap/v3-sdk');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const providers = input.pools.map(
    (p) => new TickListDataProvider(p.ticks.map((t) => new Tick(t)), TICK_SPACINGS[p.fee]));
  const out = [];
  for (const c of input.cases) {
    try {
      const spec = input.pools[c.pool];
      const pool = new Pool(TOKEN0, TOKEN1, spec.fee, c.sqrtPriceX96, c.liquidity, c.tick, providers[c.pool]);
      const amount = JSBI.BigInt(c.amountSpecified);
      const limit = c.sqrtPriceLimitX96 == null ? undefined : JSBI.BigInt(c.sqrtPriceLimitX96);
      const r = await pool.swap(c.zeroForOne, amount, limit);
      let publicAmount = null;
      if (c.checkPublic) {
        const exactIn = JSBI.greaterThan(amount, JSBI.BigInt(0));
        if (exactIn) {
          const [outAmount] = await pool.getOutputAmount(
            require('@uniswap/sdk-core').CurrencyAmount.fromRawAmount(c.zeroForOne ? TOKEN0 : TOKEN1, amount), limit);
          publicAmount = outAmount.quotient.toString();
        } else {
          const [inAmount] = await pool.getInputAmount(
            require('@uniswap/sdk-core').CurrencyAmount.fromRawAmount(c.zeroForOne ? TOKEN1 : TOKEN0,
              JSBI.multiply(amount, JSBI.BigInt(-1))), limit);
          publicAmount = inAmount.quotient.toString();
        }
      }
      out.push(JSON.stringify([r.amountCalculated.toString(), r.sqrtRatioX96.toString(), r.liquidity.toString(),
        r.tickCurrent, publicAmount]));
    } catch (e) {
      out.push(JSON.stringify(['error', String(e && e.message ? e.message : e)]));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
