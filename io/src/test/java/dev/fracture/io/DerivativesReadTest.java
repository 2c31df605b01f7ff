package dev.fracture.io;

import static dev.fracture.io.Resources.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec.OptionsDealer;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The perp-exchange and options-dealer protocol types: defaults, round trips, and located errors. */
class DerivativesReadTest {
    private static final String YAML = Resources.text("/snapshots/derivatives.yaml");

    private static EcosystemSnapshot read(String text) {
        return SnapshotReader.read(text, "d.yaml", Format.YAML);
    }

    private static String error(String text) {
        try {
            read(text);
        } catch (SnapshotFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SnapshotFormatException");
    }

    @Test
    void readsBothTypesWithHyperliquidDefaults() {
        EcosystemSnapshot s = read(YAML);
        PerpExchange perps = (PerpExchange) s.protocol(ProtocolId.of("perps")).orElseThrow();
        PerpExchange.PerpMarket btc = perps.markets().get(1);
        assertThat(btc.oracle()).isNull();
        assertThat(btc.spotAsset()).isNull();
        assertThat(btc.partialLiquidationNotional()).isEqualTo(100_000);
        assertThat(btc.partialLiquidationFraction()).isEqualTo(0.2);
        assertThat(btc.backstopFraction()).isEqualTo(2.0 / 3);
        assertThat(btc.funding()).isEqualTo(new PerpExchange.Funding(1, 8, 0.0001, 0.0005, 0.04, 20_000));
        assertThat(btc.book().makerHedgeFraction()).isZero();
        PerpExchange.PerpPosition shortBtc = perps.accounts().get(0).positions().get(1);
        assertThat(shortBtc.mode()).isEqualTo(PerpExchange.MarginMode.CROSS);
        assertThat(shortBtc.isolatedMargin()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(perps.accounts().get(1).positions().get(0).isolatedMargin()).isEqualTo(new BigDecimal("14000"));
        OptionsDealer dealers = (OptionsDealer) s.protocol(ProtocolId.of("eth-dealers")).orElseThrow();
        assertThat(dealers.positions()).extracting(OptionsDealer.OptionHolding::side)
                .containsExactly(OptionsDealer.Side.SHORT, OptionsDealer.Side.SHORT, OptionsDealer.Side.LONG);
        assertThat(dealers.surface().atm()).hasSize(2);
        assertThat(dealers.underlying()).isEqualTo(AssetId.of("eth"));
    }

    @Test
    void writingAndReadingBackGivesTheSameSnapshotInBothFormats() {
        EcosystemSnapshot s = read(YAML);
        for (Format format : Format.values()) {
            assertThat(SnapshotReader.read(SnapshotWriter.write(s, format), "out", format)).as(format.name())
                    .isEqualTo(s);
        }
    }

    @Test
    void shapeErrorsNameTheFileLineAndColumn() {
        String bad = YAML.replace("mode: isolated", "mode: hedged");
        assertThat(error(bad)).contains("d.yaml:" + at(bad, "mode: hedged")
                + ": protocols[0].accounts[1].positions[0].mode: unknown margin mode 'hedged' (expected one of: "
                + "cross, isolated)");
        String side = YAML.replace("side: long", "side: flat");
        assertThat(error(side)).contains("d.yaml:" + at(side, "side: flat")
                + ": protocols[1].positions[2].side: unknown option side 'flat' (expected one of: long, short)");
        String noImpact = YAML.replace("funding: {impactNotional: 20000}", "funding: {}");
        assertThat(error(noImpact)).contains("protocols[0].markets[1].funding.impactNotional: is required");
        String typo = YAML.replace("levelSpacingBps: 1,", "levelSpacing: 1,");
        assertThat(error(typo)).contains("protocols[0].markets[1].book.levelSpacing: unknown field 'levelSpacing'");
    }

    @Test
    void ruleErrorsNameTheFieldAndTheRule() {
        String rising = YAML.replace("{lowerBound: 150000000, maxLeverage: 20}",
                "{lowerBound: 150000000, maxLeverage: 50}");
        assertThat(error(rising)).contains("d.yaml:" + at(rising, "maxLeverage: 50")
                + ": protocols[0].markets[1].tiers[1].maxLeverage: must not exceed tiers[0].maxLeverage 40: "
                + "leverage falls as size grows (was 50)");
        String market = YAML.replace("{market: BTC, size: -20", "{market: SOL, size: -20");
        assertThat(error(market)).contains("protocols[0].accounts[0].positions[1].market: unknown market 'SOL' "
                + "(the exchange lists BTC, ETH)");
        assertThat(error(YAML.replace("size: 100, entryPrice: 3190", "size: 0, entryPrice: 3190")))
                .contains("protocols[0].accounts[1].positions[0].size: must be a finite non-zero number, positive "
                        + "long, negative short (was 0)");
        assertThat(error(YAML.replace("insuranceFund: 250000", "insuranceFund: -1")))
                .contains("protocols[0].insuranceFund: must not be negative (was -1)");
        assertThat(error(YAML.replace("settlementAsset: usdc-hl", "settlementAsset: usdc")))
                .contains("protocols[0].settlementAsset: asset 'usdc' is on chain 'ethereum', not on the protocol's "
                        + "chain 'hyperliquid'");
        assertThat(error(YAML.replace("oracle: eth-usd\n        spotAsset", "oracle: nope\n        spotAsset")))
                .contains("protocols[0].markets[0].oracle: unknown oracle 'nope'");
        assertThat(error(YAML.replace("levels: 20, levelSpacingBps: 2", "levels: 20, levelSpacingBps: 600")))
                .contains("protocols[0].markets[0].book.levelSpacingBps: times levels must stay below 10000 bps");
        assertThat(error(YAML.replace("{expiryDays: 30, vol: 0.6}", "{expiryDays: 30, vol: 0.2}")))
                .contains("protocols[1].surface.atm[1].vol: gives a total variance below atm[0]'s: a calendar "
                        + "arbitrage");
        assertThat(error(YAML.replace("strike: 2800", "strike: -2800")))
                .contains("protocols[1].positions[1].strike: must be a finite number greater than 0 (was -2800)");
        assertThat(error(YAML.replace("venueShare: 0.2", "venueShare: 1.5")))
                .contains("protocols[1].venueShare: must be between 0 and 1 (was 1.5)");
        assertThat(error(YAML.replace("id: degen", "id: whale"))).contains("protocols[0].accounts[1].id: duplicate "
                + "account id 'whale' (first at protocols[0].accounts[0])");
    }
}
