package dev.fracture.protocol.perp;

import dev.fracture.market.OrderBook;
import dev.fracture.market.Quote;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One liquidation event of one scope (the cross positions with the cross collateral, or one isolated position),
 * through the loss waterfall, in order:
 *
 * <ol>
 *   <li><b>Book.</b> Each position of the scope, largest notional first, sends a market order to its market's
 *       {@link OrderBook} for the whole position, or {@link PerpMarket#partialLiquidationFraction} of it when its
 *       notional exceeds {@link PerpMarket#partialLiquidationNotional} (Hyperliquid docs "Liquidations": 20% of
 *       positions above 100k USDC). The order is limited at the scope's bankruptcy price (the price at which closing
 *       the whole position would leave the scope worth zero, taker fee included), as Binance sends liquidation orders
 *       as IOC limit orders at the bankruptcy price and dYdX v4 bounds their fillable price: the book never turns a
 *       solvent scope insolvent, and a scope already below zero skips the book. The fills walk the book, are
 *       committed to it, and realize their slippage and the book's taker fee into the scope's collateral. If the
 *       scope still holds positions and its value is at least
 *       {@code backstopFraction × MM} (2/3 on Hyperliquid), the event ends here: the rest waits for the next block,
 *       and what collateral remains stays with the trader.</li>
 *   <li><b>Backstop vault.</b> Otherwise (value below the backstop line, or an isolated margin driven negative by
 *       slippage) the liquidator vault takes over a share {@code φ} of every remaining position together with the
 *       same share of the scope's collateral — equivalently, it enters at the <em>bankruptcy price</em>, the price
 *       at which that share's value is zero (Hyperliquid: "cross positions and cross margin are transferred to the
 *       liquidator"; the maintenance margin is not returned). {@code φ} is limited by the vault's remaining notional
 *       capacity, and for a bankrupt scope (value below zero) by what the insurance fund can pay the vault for the
 *       loss, so the vault never ends a take-over below zero at the mark.</li>
 *   <li><b>Insurance fund.</b> Pays the vault for the loss of a bankrupt share it took, then covers the negative value
 *       of the part the vault could not take, as far as it has money (dYdX v4 docs "Liquidations": the insurance fund
 *       covers losses beyond the account's collateral).</li>
 *   <li><b>Auto-deleveraging.</b> What the vault could not take is closed against profitable opposite positions in
 *       {@link AdlRanking} order, at the bankruptcy price of the remaining part (Binance ADL: "closed out at the
 *       bankruptcy price"; Hyperliquid closes at the previous mark price — the difference is documented in
 *       docs/model.md). The scope's remaining value is split across its markets pro rata to notional; market
 *       {@code i}'s bankruptcy price is {@code mark_i − value_i / size_i}.</li>
 *   <li><b>Socialized loss.</b> Size that no profitable counterparty can take goes to the vault at the mark, and the
 *       negative value left with it is charged to the other accounts pro rata to their positive account value (to
 *       the vault when none has any).</li>
 * </ol>
 *
 * <p>Realized P&amp;L settles to the account's cross collateral (to the isolated margin for the liquidated isolated
 * scope). The {@link PerpLedger} of the result values every party's change at the mark and sums to zero.
 * Books are mutable venues: their fills are committed. Accounts and backstop are immutable; the result carries
 * their new values.
 */
public final class PerpLiquidation {
    public static final PerpLiquidation DEFAULT = new PerpLiquidation();
    /** Residual sizes below this fraction of the original are rounding from a book fill and count as closed. */
    private static final double DUST = 1e-12;

    private PerpLiquidation() {
    }

    /** Liquidates the account's cross scope. */
    public PerpLiquidationResult liquidateCross(PerpAccount account, PerpMarkets markets, Marks marks,
                                                Map<String, OrderBook> books, Backstop backstop,
                                                List<PerpAccount> counterparties) {
        return run(account, null, markets, marks, books, backstop, counterparties);
    }

    /** Liquidates one isolated position of the account. */
    public PerpLiquidationResult liquidateIsolated(PerpAccount account, String market, PerpMarkets markets,
                                                   Marks marks, Map<String, OrderBook> books, Backstop backstop,
                                                   List<PerpAccount> counterparties) {
        PerpPosition p = account.position(market).orElseThrow(() -> new IllegalArgumentException(
                "account " + account.id() + " has no position in market " + market));
        if (p.mode() != MarginMode.ISOLATED) {
            throw new IllegalArgumentException("position of " + account.id() + " in " + market + " is not isolated");
        }
        return run(account, market, markets, marks, books, backstop, counterparties);
    }

    private PerpLiquidationResult run(PerpAccount account, String isolatedMarket, PerpMarkets markets, Marks marks,
                                      Map<String, OrderBook> books, Backstop backstop,
                                      List<PerpAccount> counterparties) {
        Scope s = Scope.of(account, isolatedMarket, markets, marks);
        double equityBefore = s.value();
        double mmBefore = s.maintenance();
        PerpLedger zero = new PerpLedger(0, 0, 0, 0, 0, 0, 0);
        if (s.n == 0 || equityBefore >= mmBefore) {
            return new PerpLiquidationResult(0, equityBefore, mmBefore, List.of(), List.of(), 0, List.of(), 0,
                    account, counterparties, backstop, zero);
        }
        double liquidated = 0;
        double bookMakers = 0;
        double fees = 0;

        // 1. Book.
        List<BookFill> fills = new ArrayList<>();
        Integer[] order = new Integer[s.n];
        for (int i = 0; i < s.n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(s.size[i]) * s.mark[i]));
        for (int i : order) {
            OrderBook book = books.get(s.market[i].id());
            if (book == null) {
                throw new IllegalArgumentException("no order book for market " + s.market[i].id());
            }
            double v = s.value();
            if (v <= 0) {
                // Already bankrupt: every bid (ask) lies beyond the bankruptcy price, so the book is skipped.
                continue;
            }
            double q = Math.min(PerpMargin.DEFAULT.liquidationOrderSize(s.position[i], s.market[i], s.mark[i]),
                    sizeWithin(book, s.size[i] > 0, s.mark[i] - v / s.size[i]));
            if (q <= 0) {
                continue;
            }
            BookFill fill = marketOrder(book, s.market[i].id(), s.size[i] > 0, q);
            fills.add(fill);
            double traded = fill.size();
            if (traded != 0) {
                double closed = -traded;
                s.collateral += closed * (fill.averagePrice() - s.entry[i]) - fill.fee();
                s.size[i] -= closed;
                if (Math.abs(s.size[i]) <= DUST * Math.abs(s.position[i].size())) {
                    s.collateral += s.size[i] * (s.mark[i] - s.entry[i]);
                    bookMakers -= s.size[i] * (s.mark[i] - s.entry[i]);
                    s.size[i] = 0;
                }
                bookMakers += closed * (s.mark[i] - fill.averagePrice());
                fees += fill.fee();
                liquidated += Math.abs(closed) * s.mark[i];
            }
        }

        double value = s.value();
        double fund = backstop.insuranceFund();
        double capacity = backstop.vaultCapacityNotional();
        List<VaultTakeover> takeovers = new ArrayList<>();
        List<AdlFill> adl = new ArrayList<>();
        double vaultGain = 0;
        double fundUsed = 0;
        double adlGain = 0;
        double socialized = 0;
        double socializedCharged = 0;
        // Copied on the first change only (socialize, replace): most liquidations leave every counterparty alone.
        List<PerpAccount> others = counterparties;
        boolean positionsLeft = s.notional() > 0;
        boolean backstopNow = positionsLeft
                && (value < s.backstopFraction() * s.maintenance() || (s.isolated() && s.collateral < 0));
        if (!positionsLeft && value < 0) {
            // Slippage alone made the scope bankrupt: nothing left to move, only the loss to cover.
            double cover = Math.min(fund, -value);
            fund -= cover;
            fundUsed += cover;
            double rest = -value - cover;
            if (rest > 0) {
                others = mutable(others, counterparties);
                double carried = socialize(others, account.id(), rest, marks);
                socialized += rest;
                socializedCharged += rest - carried;
                vaultGain -= carried;
            }
            s.collateral = 0;
        } else if (backstopNow) {
            double notional = s.notional();
            // 2. Vault take-over, limited by capacity and, for a bankrupt scope, by what the fund can repay it.
            double phi = Math.min(1, capacity / notional);
            if (value < 0) {
                phi = Math.min(phi, fund / -value);
            }
            if (phi > 0) {
                for (int i = 0; i < s.n; i++) {
                    if (s.size[i] != 0) {
                        double share = phi * s.size[i];
                        double shareValue = phi * value * (Math.abs(s.size[i]) * s.mark[i]) / notional;
                        double entryPrice = s.mark[i] - shareValue / share;
                        takeovers.add(new VaultTakeover(s.market[i].id(), share, entryPrice, false));
                    }
                }
                vaultGain += phi * value;
                // Capacity is a limit, not a balance: clamping its rounding loses nothing.
                capacity = Math.max(0, capacity - phi * notional);
                if (value < 0) {
                    // 3a. The fund repays the vault for the bankrupt share (min: φ may be fund / −value).
                    double repay = Math.min(fund, phi * -value);
                    fund -= repay;
                    fundUsed += repay;
                    vaultGain += repay;
                }
                liquidated += phi * notional;
            }
            double restValue = (1 - phi) * value;
            if (phi < 1) {
                // 3b. The fund covers the negative value of what the vault could not take.
                if (restValue < 0) {
                    double cover = Math.min(fund, -restValue);
                    fund -= cover;
                    fundUsed += cover;
                    restValue += cover;
                }
                // 4. Auto-deleveraging at the bankruptcy price of the remaining part.
                double restNotional = (1 - phi) * notional;
                double unplacedValue = 0;
                for (int i = 0; i < s.n; i++) {
                    if (s.size[i] == 0) {
                        continue;
                    }
                    String id = s.market[i].id();
                    double rest = (1 - phi) * s.size[i];
                    double restShareValue = restValue * (Math.abs(rest) * s.mark[i]) / restNotional;
                    double bankruptcy = s.mark[i] - restShareValue / rest;
                    double remaining = rest;
                    for (AdlRanking.Entry e : AdlRanking.DEFAULT.queue(others, id, rest, marks)) {
                        if (remaining == 0) {
                            break;
                        }
                        double take = Math.abs(e.position().size()) >= Math.abs(remaining)
                                ? -remaining : e.position().size();
                        adl.add(new AdlFill(e.account(), id, take, bankruptcy, e.score()));
                        adlGain += take * (bankruptcy - s.mark[i]);
                        others = mutable(others, counterparties);
                        replace(others, e.account(), close(find(others, e.account()), id, take, bankruptcy));
                        remaining += take;
                        liquidated += Math.abs(take) * s.mark[i];
                    }
                    if (remaining != 0) {
                        // 5. No counterparty left: the vault holds the remainder at the mark.
                        takeovers.add(new VaultTakeover(id, remaining, s.mark[i], true));
                        unplacedValue += restShareValue * remaining / rest;
                        liquidated += Math.abs(remaining) * s.mark[i];
                    }
                }
                if (unplacedValue > 0) {
                    vaultGain += unplacedValue;
                } else if (unplacedValue < 0) {
                    others = mutable(others, counterparties);
                    double carried = socialize(others, account.id(), -unplacedValue, marks);
                    socialized += -unplacedValue;
                    socializedCharged += -unplacedValue - carried;
                    vaultGain -= carried;
                }
            }
            for (int i = 0; i < s.n; i++) {
                s.size[i] = 0;
            }
            s.collateral = 0;
        }
        PerpAccount after = s.rebuild(account);
        double traderChange = PerpMargin.DEFAULT.accountValue(after, marks)
                - PerpMargin.DEFAULT.accountValue(account, marks);
        PerpLedger ledger = new PerpLedger(traderChange, bookMakers, vaultGain, -fundUsed, adlGain,
                -socializedCharged, fees);
        return new PerpLiquidationResult(liquidated, equityBefore, mmBefore, fills, takeovers, fundUsed, adl,
                socialized, after, others == counterparties ? counterparties : Collections.unmodifiableList(others),
                new Backstop(capacity, fund), ledger);
    }

    /**
     * Base units resting at prices that, after the taker fee, are no worse than {@code bankruptcyPrice}: a sell gets
     * {@code price × (1 − fee)} per unit, a buy pays {@code price / (1 − fee)} per unit received.
     */
    private static double sizeWithin(OrderBook book, boolean closingLong, double bankruptcyPrice) {
        double net = 1 - book.takerFeePips() / 1e6;
        double total = 0;
        for (OrderBook.Level level : book.levels(closingLong ? OrderBook.Side.BID : OrderBook.Side.ASK)) {
            boolean within = closingLong ? level.price() * net >= bankruptcyPrice
                    : level.price() / net <= bankruptcyPrice;
            if (!within) {
                break;
            }
            total += level.size();
        }
        return total;
    }

    /**
     * Sends a liquidation market order of {@code q} base units: a long sells into the bids, a short buys from the asks.
     */
    private static BookFill marketOrder(OrderBook book, String market, boolean closingLong, double q) {
        AssetId base = book.assets().get(0);
        AssetId quote = book.assets().get(1);
        if (closingLong) {
            Quote fill = book.swapExactIn(base, quote, q);
            double gross = fill.amountOut() + fill.feePaid();
            double sold = fill.amountIn();
            return new BookFill(market, -sold, sold == 0 ? 0 : gross / sold, fill.feePaid(), fill.complete());
        }
        double net = q * (1 - book.takerFeePips() / 1e6);
        Quote fill = book.swapExactOut(quote, base, net);
        double bought = fill.amountOut() + fill.feePaid();
        double price = bought == 0 ? 0 : fill.amountIn() / bought;
        return new BookFill(market, bought, price, fill.feePaid() * price, fill.complete());
    }

    /**
     * Charges {@code loss} to the accounts other than {@code excluded} pro rata to their positive account value,
     * debiting their cross collateral; returns what nobody could carry (left to the vault).
     */
    private static double socialize(List<PerpAccount> accounts, AccountId excluded, double loss, Marks marks) {
        double total = 0;
        double[] values = new double[accounts.size()];
        for (int k = 0; k < accounts.size(); k++) {
            if (!accounts.get(k).id().equals(excluded)) {
                values[k] = Math.max(0, PerpMargin.DEFAULT.accountValue(accounts.get(k), marks));
                total += values[k];
            }
        }
        if (total <= 0) {
            return loss;
        }
        for (int k = 0; k < accounts.size(); k++) {
            if (values[k] > 0) {
                PerpAccount a = accounts.get(k);
                accounts.set(k, new PerpAccount(a.id(), a.crossCollateral() - loss * values[k] / total,
                        a.positions()));
            }
        }
        return 0;
    }

    /** {@code others} ready to be changed: a copy of the caller's {@code counterparties} the first time. */
    private static List<PerpAccount> mutable(List<PerpAccount> others, List<PerpAccount> counterparties) {
        return others == counterparties ? new ArrayList<>(counterparties) : others;
    }

    private static PerpAccount find(List<PerpAccount> accounts, AccountId id) {
        for (PerpAccount a : accounts) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalStateException("counterparty " + id + " vanished");
    }

    private static void replace(List<PerpAccount> accounts, AccountId id, PerpAccount replacement) {
        for (int k = 0; k < accounts.size(); k++) {
            if (accounts.get(k).id().equals(id)) {
                accounts.set(k, replacement);
                return;
            }
        }
    }

    /** Closes {@code take} base units of the account's position in {@code market} at {@code price}. */
    static PerpAccount close(PerpAccount account, String market, double take, double price) {
        List<PerpPosition> positions = new ArrayList<>();
        double collateral = account.crossCollateral();
        for (PerpPosition p : account.positions()) {
            if (!p.market().equals(market)) {
                positions.add(p);
                continue;
            }
            collateral += take * (price - p.entryPrice());
            double left = p.size() - take;
            if (Math.abs(left) <= DUST * Math.abs(p.size())) {
                collateral += p.isolatedMargin() + left * (price - p.entryPrice());
            } else {
                positions.add(p.withSize(left));
            }
        }
        return new PerpAccount(account.id(), collateral, positions);
    }

    /** The positions and collateral being liquidated, as arrays the waterfall updates in place. */
    private static final class Scope {
        final int n;
        final PerpPosition[] position;
        final PerpMarket[] market;
        final double[] size;
        final double[] entry;
        final double[] mark;
        final String isolatedMarket;
        double collateral;

        private Scope(List<PerpPosition> positions, String isolatedMarket, double collateral, PerpMarkets markets,
                      Marks marks) {
            this.n = positions.size();
            this.position = positions.toArray(new PerpPosition[0]);
            this.market = new PerpMarket[n];
            this.size = new double[n];
            this.entry = new double[n];
            this.mark = new double[n];
            this.isolatedMarket = isolatedMarket;
            this.collateral = collateral;
            for (int i = 0; i < n; i++) {
                market[i] = markets.get(position[i].market());
                size[i] = position[i].size();
                entry[i] = position[i].entryPrice();
                mark[i] = marks.get(position[i].market());
            }
        }

        static Scope of(PerpAccount account, String isolatedMarket, PerpMarkets markets, Marks marks) {
            if (isolatedMarket != null) {
                PerpPosition p = account.position(isolatedMarket).orElseThrow();
                return new Scope(List.of(p), isolatedMarket, p.isolatedMargin(), markets, marks);
            }
            List<PerpPosition> cross = account.positions().stream()
                    .filter(p -> p.mode() == MarginMode.CROSS).toList();
            return new Scope(cross, null, account.crossCollateral(), markets, marks);
        }

        boolean isolated() {
            return isolatedMarket != null;
        }

        double value() {
            double v = collateral;
            for (int i = 0; i < n; i++) {
                v += size[i] * (mark[i] - entry[i]);
            }
            return v;
        }

        double maintenance() {
            double mm = 0;
            for (int i = 0; i < n; i++) {
                mm += market[i].maintenanceMargin(Math.abs(size[i]) * mark[i]);
            }
            return mm;
        }

        double notional() {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += Math.abs(size[i]) * mark[i];
            }
            return total;
        }

        /** The most protective backstop line of the scope's markets. */
        double backstopFraction() {
            double f = 0;
            for (int i = 0; i < n; i++) {
                f = Math.max(f, market[i].backstopFraction());
            }
            return f;
        }

        PerpAccount rebuild(PerpAccount account) {
            List<PerpPosition> out = new ArrayList<>();
            double cross = account.crossCollateral();
            for (PerpPosition p : account.positions()) {
                boolean inScope = isolated() ? p.market().equals(isolatedMarket) : p.mode() == MarginMode.CROSS;
                if (!inScope) {
                    out.add(p);
                }
            }
            if (isolated()) {
                if (size[0] != 0) {
                    out.add(new PerpPosition(isolatedMarket, size[0], entry[0], MarginMode.ISOLATED, collateral));
                } else {
                    cross += collateral;
                }
            } else {
                cross = collateral;
                for (int i = 0; i < n; i++) {
                    if (size[i] != 0) {
                        out.add(position[i].withSize(size[i]));
                    }
                }
            }
            return new PerpAccount(account.id(), cross, out);
        }
    }
}
