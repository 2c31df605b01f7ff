package dev.fracture.protocol.perp;

import java.util.List;

/**
 * Funding paid to one position over several intervals.
 *
 * @param payments USD received by the position in each interval (negative: paid)
 * @param total    their sum
 */
public record FundingAccrual(List<Double> payments, double total) {
    public FundingAccrual {
        payments = List.copyOf(payments);
    }
}
