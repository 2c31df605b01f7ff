package dev.fracture.oracle;

import java.util.Arrays;

/**
 * The median an OCR aggregator stores (smartcontractkit/chainlink, {@code OCR2Aggregator.transmit} and the OCR1
 * {@code OffchainAggregator.transmit}): the report carries the nodes' observations sorted ascending ("observations
 * not sorted" otherwise), needs more than f of them ("too few values to trust median"), and the answer is
 * {@code observations[observations.length / 2]}. For an even count that is the <em>upper</em> of the two middle
 * values, not their average. The contract also rejects a median outside [minAnswer, maxAnswer]; the feed bounds
 * are not modelled here.
 */
public final class Medians {
    private static final String FEED = "OCR median";

    private Medians() {
    }

    /**
     * The aggregator's median of {@code observations} (in any order; the report builder sorts them), with at most
     * {@code f} faulty nodes.
     */
    public static double ocr(double[] observations, int f) {
        if (observations == null || observations.length == 0) {
            throw OracleChecks.fail(FEED, "observations must not be empty");
        }
        if (f < 0) {
            throw OracleChecks.fail(FEED, "f must be >= 0, got " + f);
        }
        if (observations.length <= f) {
            throw OracleChecks.fail(FEED, "observations count " + observations.length + " must exceed f " + f
                    + " (too few values to trust median)");
        }
        double[] sorted = observations.clone();
        for (int i = 0; i < sorted.length; i++) {
            OracleChecks.price(FEED, "observations[" + i + "]", sorted[i]);
        }
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
