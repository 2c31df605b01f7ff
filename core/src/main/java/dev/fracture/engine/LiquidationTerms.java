package dev.fracture.engine;

import dev.fracture.model.AssetId;

/**
 * How mitigations change a protocol's liquidation terms in the current block (docs/mitigations.md): the price it
 * values a collateral at, given its oracle's, and the liquidation bonus it pays on it, given its own (10500 = 5%).
 * A book that supports them applies both when it reads its prices ({@link ProtocolBook#useTerms}).
 */
interface LiquidationTerms {
    LiquidationTerms NONE = new LiquidationTerms() {
        @Override
        public double valuationUsd(AssetId collateral, double oracleUsd) {
            return oracleUsd;
        }

        @Override
        public int bonusBps(AssetId collateral, int bonusBps) {
            return bonusBps;
        }
    };

    double valuationUsd(AssetId collateral, double oracleUsd);

    int bonusBps(AssetId collateral, int bonusBps);
}
