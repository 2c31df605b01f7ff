// Differential-test peer: reads {"cases":[...]} on stdin, prints one health factor per case (a decimal string,
// "-1" without debt) computed by the official @aave/math-utils formatUserSummary, the function the Aave interface
// uses. Each case: reserves [{asset, decimals, price (8-decimal base currency), lt, ltv}] and positions
// [{asset, supplied, borrowed, collateral}] in token units. Indexes are RAY and rates zero, so balances are used as given.
'use strict';
const { formatUserSummary } = require('@aave/math-utils');

const RAY = '1000000000000000000000000000';
const NOW = 1700000000;

function summary(c) {
  const formattedReserves = c.reserves.map((r) => ({
    underlyingAsset: r.asset,
    decimals: r.decimals,
    priceInMarketReferenceCurrency: r.price,
    liquidityIndex: RAY,
    liquidityRate: '0',
    variableBorrowIndex: RAY,
    variableBorrowRate: '0',
    lastUpdateTimestamp: NOW,
    reserveLiquidationThreshold: String(r.lt),
    baseLTVasCollateral: String(r.ltv),
    debtCeiling: '0',
    debtCeilingDecimals: 2,
    isolationModeTotalDebt: '0',
    eModes: [],
  }));
  const userReserves = c.positions.map((p) => ({
    underlyingAsset: p.asset,
    scaledATokenBalance: p.supplied,
    scaledVariableDebt: p.borrowed,
    usageAsCollateralEnabledOnUser: p.collateral,
  }));
  return formatUserSummary({
    currentTimestamp: NOW,
    marketReferencePriceInUsd: '100000000',
    marketReferenceCurrencyDecimals: 8,
    userReserves,
    formattedReserves,
    userEmodeCategoryId: 0,
  });
}

module.exports = { summary };

if (require.main === module) {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = [];
  for (const c of input.cases) {
    try {
      out.push(summary(c).healthFactor);
    } catch (e) {
      out.push('error ' + String(e.message).replace(/\s+/g, ' '));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}
