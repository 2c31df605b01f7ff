package dev.fracture.protocol.perp;

import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The auto-deleveraging queue: profitable positions opposite the bankrupt one, most exposed first.
 *
 * <p>Score {@code = (uPnL / (|size| × entry)) × (|size| × mark / scopeValue)}: the position's profit as a fraction of
 * its entry notional times its effective leverage, the "PnL percentage × effective leverage" of Binance
 * ("What Is Auto-Deleveraging (ADL) and How Does It Work", binance.com/support/faq/360033525471) and the
 * "unrealized PnL and leverage" ranking of Hyperliquid (docs "Auto-deleveraging"). The scope value is the cross value
 * for a cross position, the isolated value for an isolated one; a scope at or below zero value ranks first
 * ({@code +∞}). Only profitable positions ({@code uPnL > 0}) queue, as on Hyperliquid; ties go by account id so the
 * order is deterministic.
 */
public final class AdlRanking {
    public static final AdlRanking DEFAULT = new AdlRanking();

    /** An entry of the queue. */
    public record Entry(AccountId account, PerpPosition position, double score) {
    }

    private AdlRanking() {
    }

    public double score(PerpAccount account, PerpPosition position, Marks marks) {
        double mark = marks.get(position.market());
        double pnl = position.unrealizedPnl(mark);
        double pnlFraction = pnl / (Math.abs(position.size()) * position.entryPrice());
        double value = position.mode() == MarginMode.CROSS
                ? PerpMargin.DEFAULT.crossValue(account, marks)
                : PerpMargin.DEFAULT.isolatedValue(position, marks);
        if (value <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return pnlFraction * position.notional(mark) / value;
    }

    /** Profitable positions in {@code market} on the side opposite {@code bankruptSize}, highest score first. */
    public List<Entry> queue(List<PerpAccount> accounts, String market, double bankruptSize, Marks marks) {
        List<Entry> out = new ArrayList<>();
        for (PerpAccount a : accounts) {
            a.position(market).ifPresent(p -> {
                if (Math.signum(p.size()) == -Math.signum(bankruptSize)
                        && p.unrealizedPnl(marks.get(market)) > 0) {
                    out.add(new Entry(a.id(), p, score(a, p, marks)));
                }
            });
        }
        out.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Entry::account));
        return out;
    }
}
