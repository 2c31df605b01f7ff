package dev.fracture.protocol.perp;

import dev.fracture.market.OrderBook;
import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The shape of 10-11 October 2025 on a generated perp venue: one market, a 17% fall within 25 one-minute blocks
 * (−3% over the first 10 minutes, −14% over the next 15) and a 3% bounce in the last 5, while the makers' resting
 * depth falls to a tenth. Each block the makers requote a fresh book around the mark; every liquidatable account is
 * then liquidated through the waterfall (book, backstop vault, insurance fund, ADL, socialized loss), in account
 * order. The mark follows the path: it is anchored to external prices (Hyperliquid's mark is a median with CEX
 * prices), so liquidation fills move the book, not the mark.
 *
 * <p>Population: {@link #ACCOUNTS} cross accounts, 55% long, notional log-uniform from 1,000 to 500,000 USD,
 * leverage log-uniform from 1.5x to the market's 25x maximum, entry within ±3% of the start price (at the start price
 * for an account that would otherwise begin within 50% of its maintenance margin). Market: 25x up to
 * 20M USD notional, 10x above; Hyperliquid's 20% partial liquidation above 100,000 USD and backstop below 2/3 of
 * maintenance. Book: 60 levels a side, 5 bp apart, 250,000 USD per level at full depth. Vault capacity: 10% of one
 * side's open interest (5% of the summed notional of all positions); insurance fund: none (on Hyperliquid the HLP
 * vault is the backstop and no separate fund pays losses).
 */
final class OctoberTenthReplay {
    static final int ACCOUNTS = 10_000;
    static final int BLOCKS = 30;
    static final double START = 4_300;
    static final PerpMarket ETH = PerpMarket.hyperliquid("ETH", List.of(new MarginTier(0, 25),
            new MarginTier(20_000_000, 10)));
    static final PerpMarkets MARKETS = PerpMarkets.of(List.of(ETH));

    /** What the replay shows, USD unless stated. */
    record Outcome(double openInterest, double liquidatedNotional, double bookNotional, double vaultNotional,
                   double adlNotional, double socializedNotional, int accountsLiquidated, int adlCounterparties,
                   double insuranceFundUsed, double badDebt, double vaultPnl, double worstSlippage,
                   int firstVaultBlock, int firstAdlBlock, double ledgerError) {
    }

    private OctoberTenthReplay() {
    }

    static double price(int block) {
        if (block <= 10) {
            return START * (1 - 0.03 * block / 10.0);
        }
        if (block <= 25) {
            return START * (0.97 - 0.14 * (block - 10) / 15.0);
        }
        return START * (0.83 + 0.03 * (block - 25) / 5.0);
    }

    /** Fraction of full depth the makers quote in this block: full for 8 minutes, then down to 10% by minute 20. */
    static double depth(int block, boolean collapse) {
        if (!collapse || block <= 8) {
            return 1;
        }
        return Math.max(0.1, 1 - 0.9 * (block - 8) / 12.0);
    }

    static OrderBook book(double mark, double depthFraction) {
        double[][] bids = new double[60][];
        double[][] asks = new double[60][];
        for (int k = 0; k < 60; k++) {
            double bid = Math.round(mark * (1 - 0.0005 * (k + 1)) * 100) / 100.0;
            double ask = Math.round(mark * (1 + 0.0005 * (k + 1)) * 100) / 100.0;
            bids[k] = new double[] {bid, 250_000 * depthFraction / bid};
            asks[k] = new double[] {ask, 250_000 * depthFraction / ask};
        }
        return PerpFixtures.book("ETH", bids, asks, 0);
    }

    static List<PerpAccount> population(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PerpAccount> out = new ArrayList<>(ACCOUNTS);
        for (int a = 0; a < ACCOUNTS; a++) {
            double notional = 1_000 * Math.pow(500, rnd.nextDouble());
            double leverage = 1.5 * Math.pow(25 / 1.5, rnd.nextDouble());
            double entry = START * (0.97 + 0.06 * rnd.nextDouble());
            double side = rnd.nextDouble() < 0.55 ? 1 : -1;
            PerpAccount account = account(a, side * notional / entry, entry, notional / leverage);
            if (PerpMargin.DEFAULT.crossValue(account, Marks.of("ETH", START))
                    < 1.5 * PerpMargin.DEFAULT.crossMaintenance(account, MARKETS, Marks.of("ETH", START))) {
                // Nobody starts the evening within 50% of maintenance: such an account would have been closed
                // before, so it re-enters at the start price.
                account = account(a, side * notional / START, START, notional / leverage);
            }
            out.add(account);
        }
        return out;
    }

    private static PerpAccount account(int a, double size, double entry, double collateral) {
        return new PerpAccount(AccountId.of(String.format("a%05d", a)), collateral,
                List.of(PerpPosition.cross("ETH", size, entry)));
    }

    static Outcome run(long seed, boolean depthCollapse) {
        List<PerpAccount> accounts = population(seed);
        double oi = 0;
        for (PerpAccount a : accounts) {
            oi += a.positions().get(0).notional(START);
        }
        Backstop backstop = new Backstop(0.1 * oi / 2, 0);
        double liquidated = 0;
        double bookNotional = 0;
        double vaultNotional = 0;
        double adlNotional = 0;
        double socializedNotional = 0;
        double fundUsed = 0;
        double badDebt = 0;
        double ledgerError = 0;
        double worstSlippage = 0;
        double vaultCash = 0;
        double vaultSize = 0;
        int firstVault = 0;
        int firstAdl = 0;
        Set<AccountId> liquidatedIds = new HashSet<>();
        Set<AccountId> deleveraged = new HashSet<>();
        for (int block = 1; block <= BLOCKS; block++) {
            double mark = price(block);
            Marks marks = Marks.of("ETH", mark);
            Map<String, OrderBook> books = new HashMap<>();
            books.put("ETH", book(mark, depth(block, depthCollapse)));
            for (int k = 0; k < accounts.size(); k++) {
                PerpAccount a = accounts.get(k);
                if (a.positions().isEmpty() || !PerpMargin.DEFAULT.crossLiquidatable(a, MARKETS, marks)) {
                    continue;
                }
                List<PerpAccount> others = new ArrayList<>(accounts);
                others.remove(k);
                PerpLiquidationResult r = PerpLiquidation.DEFAULT.liquidateCross(a, MARKETS, marks, books, backstop,
                        others);
                accounts = new ArrayList<>(r.counterpartiesAfter());
                accounts.add(k, r.accountAfter());
                backstop = r.backstopAfter();
                liquidatedIds.add(a.id());
                liquidated += r.liquidatedNotional();
                for (BookFill f : r.bookFills()) {
                    bookNotional += Math.abs(f.size()) * mark;
                    if (f.size() != 0) {
                        worstSlippage = Math.max(worstSlippage, Math.abs(f.averagePrice() / mark - 1));
                    }
                }
                for (VaultTakeover v : r.vaultTakeovers()) {
                    if (v.residual()) {
                        socializedNotional += Math.abs(v.size()) * mark;
                    } else {
                        vaultNotional += Math.abs(v.size()) * mark;
                    }
                    vaultSize += v.size();
                    vaultCash -= v.size() * v.price();
                }
                vaultCash += r.insuranceFundUsed();
                if (firstVault == 0 && !r.vaultTakeovers().isEmpty()) {
                    firstVault = block;
                }
                if (firstAdl == 0 && !r.adlFills().isEmpty()) {
                    firstAdl = block;
                }
                for (AdlFill f : r.adlFills()) {
                    adlNotional += Math.abs(f.size()) * mark;
                    deleveraged.add(f.counterparty());
                }
                fundUsed += r.insuranceFundUsed();
                badDebt += r.socializedLoss();
                ledgerError = Math.max(ledgerError, Math.abs(r.ledger().sum()));
            }
        }
        double vaultPnl = vaultCash + vaultSize * price(BLOCKS);
        return new Outcome(oi, liquidated, bookNotional, vaultNotional, adlNotional, socializedNotional,
                liquidatedIds.size(), deleveraged.size(), fundUsed, badDebt, vaultPnl, worstSlippage, firstVault,
                firstAdl, ledgerError);
    }

    public static void main(String[] args) {
        for (boolean collapse : new boolean[] {true, false}) {
            System.out.println((collapse ? "depth collapse: " : "full depth:     ") + run(20251010L, collapse));
        }
    }
}
