package dev.fracture.oracle;

/**
 * One landed round, as {@code AggregatorV3Interface.latestRoundData} returns it (smartcontractkit/chainlink,
 * {@code OCR2Aggregator.latestRoundData}: startedAt is the observations timestamp of the report, updatedAt the
 * block timestamp of its transmission, answeredInRound equals roundId).
 *
 * @param roundId          1 for the first answer, then one more per landed report
 * @param answer           the price, already rounded to the feed's decimals
 * @param startedAt        when the value was observed off chain (seconds)
 * @param updatedAt        when the report landed on chain (seconds)
 * @param answeredInRound  the round that computed the answer; always roundId here
 */
public record RoundData(long roundId, double answer, long startedAt, long updatedAt, long answeredInRound) {
}
