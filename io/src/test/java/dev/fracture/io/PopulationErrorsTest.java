package dev.fracture.io;

import static dev.fracture.io.Resources.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A broken population is reported at its file position with the rule it breaks, and nothing is loaded. */
class PopulationErrorsTest {
    private static final String EXAMPLE = Resources.text("/snapshots/populations.yaml");

    private static String error(String text) {
        try {
            SnapshotReader.read(text, "pop.yaml", Format.YAML);
        } catch (SnapshotFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SnapshotFormatException");
    }

    /** {@code count} between 1 and 2,000,000: a sane bound on what one file may ask the reader to build. */
    @Test
    void countOutOfRange() {
        String zero = EXAMPLE.replace("count: 1000", "count: 0");
        assertThat(error(zero)).isEqualTo("pop.yaml:" + at(zero, "count: 0") + ": protocols[0].populations[0].count: "
                + "must be between 1 and 2000000 (was 0)");
        String huge = EXAMPLE.replace("count: 1000", "count: 2000001");
        assertThat(error(huge)).isEqualTo("pop.yaml:" + at(huge, "count: 2000001")
                + ": protocols[0].populations[0].count: must be between 1 and 2000000 (was 2000001)");
    }

    @Test
    void weightsMustBePositive() {
        String text = EXAMPLE.replace("- weight: 3", "- weight: -3")
                .replace("{asset: eth, weight: 1}, {asset: wbtc, weight: 1}", "{asset: eth, weight: 1}, {asset: wbtc, weight: 0}");
        assertThat(error(text).split("\n")).containsExactly(
                "pop.yaml:" + at(text, "weight: -3") + ": protocols[0].populations[0].mix[0].weight: must be a finite "
                        + "number greater than 0 (was -3.0)",
                "pop.yaml:" + at(text, "weight: 0}]") + ": protocols[0].populations[0].mix[1].collateral[1].weight: "
                        + "must be a finite number greater than 0 (was 0.0)");
    }

    @Test
    void unknownAssetMarketAndIlkAreNamed() {
        String text = EXAMPLE.replace("debt: [{asset: usdc, weight: 1}]\n          - weight: 1",
                        "debt: [{asset: usdt, weight: 1}]\n          - weight: 1")
                .replace("market: wbtc-usdc-86}", "market: wbtc-usdc-91}")
                .replace("ilk: ETH-A}", "ilk: ETH-C}");
        assertThat(error(text).split("\n")).containsExactly(
                "pop.yaml:" + at(text, "asset: usdt") + ": protocols[0].populations[0].mix[0].debt[0].asset: "
                        + "asset 'usdt' is not a reserve of protocol 'aave-v3'",
                "pop.yaml:" + at(text, "market: wbtc-usdc-91") + ": protocols[1].populations[0].mix[1].market: "
                        + "unknown market 'wbtc-usdc-91' of protocol 'morpho-blue'",
                "pop.yaml:" + at(text, "ilk: ETH-C") + ": protocols[3].populations[0].mix[0].ilk: unknown ilk 'ETH-C' "
                        + "of protocol 'maker'");
    }

    /** H − 1 is log-normal, so no position can start below 1; a median at or below 1 is impossible. */
    @Test
    void healthBelowOneIsImpossible() {
        String text = EXAMPLE.replace("median: 1.8, sigma: 0.8", "median: 0.95, sigma: 0.8");
        assertThat(error(text)).isEqualTo("pop.yaml:" + at(text, "median: 0.95") + ": protocols[0].populations[0]"
                + ".health.median: must be a finite number greater than 1: a health factor below 1 is liquidatable, "
                + "and H - 1 is log-normal (was 0.95)");
    }

    @Test
    void exactlyOneTotalAndHealthOnlyWhereSomethingIsBorrowed() {
        String both = EXAMPLE.replace("        totalDebtUsd: 50000000\n",
                "        totalDebtUsd: 50000000\n        totalCollateralUsd: 90000000\n");
        assertThat(error(both)).isEqualTo("pop.yaml:" + at(both, "id: borrowers")
                + ": protocols[0].populations[0].totalDebtUsd: exactly one of totalDebtUsd and totalCollateralUsd is "
                + "required");
        String supplierHealth = EXAMPLE.replace("        size: {type: lognormal, sigma: 2.5}\n",
                "        size: {type: lognormal, sigma: 2.5}\n        health: {type: lognormal, median: 2, sigma: 1}\n");
        assertThat(error(supplierHealth)).isEqualTo("pop.yaml:" + at(supplierHealth, "health: {type: lognormal, median: 2, s")
                + ": protocols[0].populations[2].health: must be left out: no mix entry borrows, so no position has a "
                + "health factor");
    }

    /** Pareto's mean is infinite for alpha ≤ 1: one draw would take nearly the whole total unless truncated. */
    @Test
    void heavyParetoNeedsATruncation() {
        String text = EXAMPLE.replace("{type: pareto, alpha: 1.2, maxRatio: 10000}", "{type: pareto, alpha: 0.9}");
        assertThat(error(text)).isEqualTo("pop.yaml:" + at(text, "alpha: 0.9") + ": protocols[0].populations[1].size"
                + ".alpha: a Pareto index of 1 or less has no finite mean: give maxRatio to truncate it (was 0.9)");
    }

    /** Aave v3.0–3.1 ValidationLogic.validateBorrow: in e-mode only the category's assets may be borrowed. */
    @Test
    void eModeBorrowOutsideTheCategory() {
        String text = EXAMPLE.replace("debt: [{asset: eth, weight: 1}]}", "debt: [{asset: usdc, weight: 1}]}");
        assertThat(error(text)).isEqualTo("pop.yaml:" + at(text, "asset: usdc, weight: 1}]}") + ": protocols[0]"
                + ".populations[1].mix[0].debt[0].asset: asset 'usdc' is not in e-mode category 1: an account in "
                + "e-mode may only borrow the category's assets");
    }

    /** Vat.frob reverts with "Vat/dust" when a vault's debt is below the ilk's dust: log-normal sizes go that low. */
    @Test
    void makerVaultsBelowDust() {
        String text = EXAMPLE.replace("size: {type: pareto, alpha: 1.5}", "size: {type: lognormal, sigma: 3}");
        assertThat(error(text)).startsWith("pop.yaml:" + at(text, "ilk: ETH-A}") + ": protocols[3].populations[0]"
                + ".mix[0].ilk: vault ").contains("below the ilk's dust of 7500 (Vat.frob: Vat/dust)");
    }

    @Test
    void unknownFieldAndDuplicatePopulationId() {
        String text = EXAMPLE.replace("        size: {type: lognormal, sigma: 2}          #",
                        "        sizes: {type: lognormal, sigma: 2}          #")
                .replace("- id: suppliers", "- id: loopers");
        assertThat(error(text).split("\n")).containsExactly(
                "pop.yaml:" + at(text, "id: borrowers") + ": protocols[0].populations[0].size: "
                        + "is required",
                "pop.yaml:" + at(text, "sizes:") + ": protocols[0].populations[0].sizes: unknown field 'sizes' "
                        + "(expected one of: id, seed, count, totalDebtUsd, totalCollateralUsd, size, mix, health)",
                "pop.yaml:" + at(text, "id: loopers\n        seed: 3")
                        + ": protocols[0].populations[2].id: population id 'loopers' appears twice in this protocol");
    }

    /** A generated account id that a hand-written account already has is the validator's duplicate, at the population. */
    @Test
    void generatedIdClashingWithAHandWrittenOne() {
        String text = EXAMPLE.replace("- {id: alice,", "- {id: borrowers-7,");
        assertThat(error(text)).isEqualTo("pop.yaml:" + at(text, "id: borrowers\n") + ": protocols[0].accounts[7].id: "
                + "duplicate account id 'borrowers-7' (first at protocols[0].accounts[0])");
    }
}
