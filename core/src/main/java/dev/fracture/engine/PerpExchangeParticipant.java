package dev.fracture.engine;

import dev.fracture.market.OrderBook;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.perp.AdlFill;
import dev.fracture.protocol.perp.Backstop;
import dev.fracture.protocol.perp.BookFill;
import dev.fracture.protocol.perp.Funding;
import dev.fracture.protocol.perp.MarginMode;
import dev.fracture.protocol.perp.Marks;
import dev.fracture.protocol.perp.PerpAccount;
import dev.fracture.protocol.perp.PerpAccountBook;
import dev.fracture.protocol.perp.PerpLiquidation;
import dev.fracture.protocol.perp.PerpLiquidationResult;
import dev.fracture.protocol.perp.PerpMargin;
import dev.fracture.protocol.perp.PerpMarkets;
import dev.fracture.protocol.perp.PerpPosition;
import dev.fracture.protocol.perp.VaultTakeover;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A perp exchange in a run (a {@link ProtocolSpec.PerpExchange} of the snapshot), acting in every block of its chain:
 * <ol>
 *   <li>each market reads its oracle and the reference price and sets its mark ({@link PerpMarketLive});</li>
 *   <li>every 5 s each market samples its funding premium; at the end of each funding interval every position pays or
 *   receives {@code −size × oracle × rate} ({@link Funding}; Hyperliquid docs "Funding"), the vault's included —
 *   the counterparty of the accounts' net position is the rest of the market, outside the snapshot;</li>
 *   <li>every margin scope is marked to market ({@link PerpAccountBook}); each one below maintenance is liquidated,
 *   in account order, through the waterfall of {@link PerpLiquidation} — the makers' book, the backstop vault, the
 *   insurance fund, auto-deleveraging, socialized loss (Hyperliquid docs "Liquidations"). A scope an earlier
 *   liquidation of the block has already changed (by ADL or a socialized loss) is checked again first;</li>
 *   <li>the makers hedge what they absorbed ({@link PerpMakerHedge}): forced selling of the underlying that moves the
 *   reference price, and sales on the chain's venues.</li>
 * </ol>
 * Each liquidation, ADL fill, insurance payment and socialized loss is logged. In every block where value moved
 * (funding or liquidations), the sum of every party's value at the block's marks — accounts, vault, insurance fund,
 * venue fees, the makers' gains on their fills, and funding paid out of the snapshot — is checked unchanged within
 * {@link #CONSERVATION_TOLERANCE} of the value at stake (the gross size of the parties the block changed: an account
 * it did not touch adds nothing to the change and is not valued again); a breach is a bug and stops the run.
 *
 * <p>Trace columns, per exchange {@code X}: {@code perpLiquidated:X} (notional at mark liquidated in the block, USD),
 * {@code perpAdl:X} (notional closed by ADL in the block, USD), {@code perpInsuranceFund:X} (USD left),
 * {@code perpVaultPnl:X} (the vault's P&amp;L since the start at the latest marks, USD), {@code perpHedgeSold:X} (the
 * makers' hedge sold as forced selling in the block, USD).
 */
final class PerpExchangeParticipant implements BlockParticipant {
    /**
     * The locale the events' numbers are written in: {@link Locale#US}, whose symbols ({@code '.'}, {@code '0'},
     * {@code '-'}, no grouping) are those of {@link Locale#ROOT} that the rest of the engine writes in, so the texts
     * are the same. {@link java.util.Formatter} writes Locale.US's without looking them up, and any other locale's by
     * making a {@link java.text.DecimalFormatSymbols} for each number (Java 17) — a fifth of this exchange's time on
     * the landing thread in a deep cascade, where every perp liquidation writes a few numbers.
     */
    static final Locale EVENT_NUMBERS = Locale.US;

    /** Largest residual of the value check, relative to the gross value at stake. */
    static final double CONSERVATION_TOLERANCE = 1e-9;

    private final ProtocolSpec.PerpExchange spec;
    private final List<PerpMarketLive> markets = new ArrayList<>();
    private final Map<String, Integer> marketIndex = new LinkedHashMap<>();
    private final PerpMarkets perpMarkets;
    private final List<String> marketOrder;
    private final Map<AccountId, Integer> accountIndex = new HashMap<>();
    private final PerpVault vault;
    private final PerpMakerHedge hedge;
    private final double[] marks;
    private final long[] nextFunding;
    private List<PerpAccount> accounts;
    private PerpAccountBook fast;
    private double[] values;
    private double[] maintenance;
    private int[] liquidatable;
    /**
     * The indexes of the accounts replaced one by one since the book was last built (a liquidation's own account),
     * or {@code replacedAll}: a payment to every holder, or a liquidation that changed its counterparties too.
     */
    private int[] replaced = new int[16];
    private int replacedCount;
    private boolean replacedAll;
    private Backstop backstop;
    private double makersPnl;
    private double venueFees;
    private double fundingToOutside;
    private long lastTime = -1;
    private long nextPremiumSample;
    private double liquidatedUsd;
    private double adlUsd;
    private double hedgeSoldUsd;
    private double lastResidual;
    /** The engine's threads (none: every account valued on the calling thread). */
    private Workers workers = Workers.NONE;

    PerpExchangeParticipant(ProtocolSpec.PerpExchange spec, EcosystemSnapshot snapshot) {
        this.spec = spec;
        Asset settlement = snapshot.asset(spec.settlementAsset()).orElseThrow();
        List<dev.fracture.protocol.perp.PerpMarket> list = new ArrayList<>();
        for (ProtocolSpec.PerpExchange.PerpMarket m : spec.markets()) {
            PerpMarketLive live = new PerpMarketLive(spec, m, settlement);
            marketIndex.put(m.id(), markets.size());
            markets.add(live);
            list.add(live.market());
        }
        this.perpMarkets = PerpMarkets.of(list);
        this.marketOrder = List.copyOf(marketIndex.keySet());
        this.marks = new double[markets.size()];
        this.nextFunding = new long[markets.size()];
        for (int m = 0; m < markets.size(); m++) {
            nextFunding[m] = intervalSeconds(markets.get(m));
        }
        this.accounts = new ArrayList<>(accounts(spec));
        for (int k = 0; k < accounts.size(); k++) {
            accountIndex.put(accounts.get(k).id(), k);
        }
        this.vault = new PerpVault(marketIndex);
        this.hedge = new PerpMakerHedge(markets, spec.settlementAsset());
        this.backstop = new Backstop(spec.vault().equity().doubleValue() * spec.vault().maxLeverage(),
                spec.insuranceFund().doubleValue());
        rebuild();
    }

    /**
     * The snapshot's accounts as the mechanics take them. Collateral in settlement units is counted as USD: the
     * exchange quotes its markets in its settlement asset.
     */
    static List<PerpAccount> accounts(ProtocolSpec.PerpExchange spec) {
        List<PerpAccount> out = new ArrayList<>();
        for (ProtocolSpec.PerpExchange.PerpAccount a : spec.accounts()) {
            List<PerpPosition> positions = new ArrayList<>();
            for (ProtocolSpec.PerpExchange.PerpPosition p : a.positions()) {
                positions.add(p.mode() == ProtocolSpec.PerpExchange.MarginMode.CROSS
                        ? PerpPosition.cross(p.market(), p.size(), p.entryPrice())
                        : PerpPosition.isolated(p.market(), p.size(), p.entryPrice(), p.isolatedMargin().doubleValue()));
            }
            out.add(new PerpAccount(a.id(), a.crossCollateral().doubleValue(), positions));
        }
        return out;
    }

    private static long intervalSeconds(PerpMarketLive live) {
        return Math.max(1, Math.round(live.funding().intervalHours() * 3600));
    }

    @Override
    public ChainId chain() {
        return spec.chain();
    }

    @Override
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    @Override
    public void act(BlockContext block) {
        double dt = lastTime < 0 ? 0 : block.now() - lastTime;
        lastTime = block.now();
        for (int m = 0; m < markets.size(); m++) {
            markets.get(m).observe(block, dt);
            marks[m] = markets.get(m).mark();
        }
        before = null;
        if (block.now() >= nextPremiumSample) {
            markets.forEach(PerpMarketLive::samplePremium);
            nextPremiumSample = block.now() + PerpMarketLive.PREMIUM_SAMPLE_SECONDS;
        }
        for (int m = 0; m < markets.size(); m++) {
            if (block.now() >= nextFunding[m]) {
                before = before == null ? before() : before;
                payFunding(block, m, markets.get(m).closeInterval());
                nextFunding[m] += intervalSeconds(markets.get(m));
            }
        }
        if (before != null) {
            rebuild();
        }
        int n = markToMarket();
        if (n > 0) {
            before = before == null ? before() : before;
            liquidate(block, n);
            rebuild();
        }
        hedge.execute(block);
        hedgeSoldUsd += hedge.takeSoldUsd();
        if (before != null) {
            check(block, before);
            before = null;
        }
    }

    private void payFunding(BlockContext block, int m, double rate) {
        PerpMarketLive live = markets.get(m);
        double paidIn = 0;
        for (int k = 0; k < accounts.size(); k++) {
            PerpAccount a = accounts.get(k);
            PerpPosition p = a.position(live.id()).orElse(null);
            if (p != null) {
                double usd = Funding.DEFAULT.payment(p.size(), live.oracle(), rate);
                replace(k, credit(a, p, usd));
                replacedAll = true;
                paidIn += usd;
            }
        }
        if (vault.size(m) != 0) {
            double usd = Funding.DEFAULT.payment(vault.size(m), live.oracle(), rate);
            vault.receiveFunding(usd);
            paidIn += usd;
        }
        fundingToOutside -= paidIn;
        block.log("perp-funding", spec.id() + "/" + live.id(), String.format(EVENT_NUMBERS,
                "rate %.8f for the interval at oracle %.4f; the snapshot's positions received %.2f USD net", rate,
                live.oracle(), paidIn), paidIn);
    }

    /**
     * Funding settles to the cross collateral, or to an isolated position's own margin; an isolated margin it would
     * drive below zero pays the rest from the cross collateral (the position is then liquidatable on its own).
     */
    private static PerpAccount credit(PerpAccount a, PerpPosition p, double usd) {
        if (p.mode() == MarginMode.CROSS) {
            return new PerpAccount(a.id(), a.crossCollateral() + usd, a.positions());
        }
        double margin = p.isolatedMargin() + usd;
        double cross = a.crossCollateral() + Math.min(0, margin);
        List<PerpPosition> positions = new ArrayList<>();
        for (PerpPosition q : a.positions()) {
            positions.add(q == p ? PerpPosition.isolated(q.market(), q.size(), q.entryPrice(), Math.max(0, margin)) : q);
        }
        return new PerpAccount(a.id(), cross, positions);
    }

    private void liquidate(BlockContext block, int n) {
        Marks current = marks();
        Map<String, OrderBook> books = new HashMap<>();
        markets.forEach(live -> books.put(live.id(), live.book()));
        for (int i = 0; i < n; i++) {
            int row = liquidatable[i];
            AccountId owner = fast.owner(row);
            String isolated = fast.isolatedMarket(row);
            int k = accountIndex.get(owner);
            PerpAccount account = accounts.get(k);
            if (!stillLiquidatable(account, isolated, current)) {
                continue;
            }
            List<PerpAccount> others = new AllBut(accounts, k);
            PerpLiquidationResult r = isolated == null
                    ? PerpLiquidation.DEFAULT.liquidateCross(account, perpMarkets, current, books, backstop, others)
                    : PerpLiquidation.DEFAULT.liquidateIsolated(account, isolated, perpMarkets, current, books,
                            backstop, others);
            if (!r.liquidated()) {
                continue;
            }
            if (r.counterpartiesAfter() == others) {
                // No other account changed (no ADL, no socialized loss): only this one.
                replace(k, r.accountAfter());
                replacedOne(k);
            } else {
                List<PerpAccount> after = new ArrayList<>(r.counterpartiesAfter());
                after.add(k, r.accountAfter());
                if (before != null) {
                    before.copyAll(accounts);
                }
                accounts = after;
                replacedAll = true;
            }
            backstop = r.backstopAfter();
            record(block, owner, isolated, r);
        }
    }

    /**
     * Every account but the one at {@code skip}, read through (not copied): the counterparties of one liquidation,
     * which the mechanic reads and copies only if it changes one.
     */
    private static final class AllBut extends java.util.AbstractList<PerpAccount> implements java.util.RandomAccess {
        private final List<PerpAccount> accounts;
        private final int skip;

        AllBut(List<PerpAccount> accounts, int skip) {
            this.accounts = accounts;
            this.skip = skip;
        }

        @Override
        public PerpAccount get(int i) {
            return accounts.get(i < skip ? i : i + 1);
        }

        @Override
        public int size() {
            return accounts.size() - 1;
        }

        @Override
        public Object[] toArray() {
            Object[] all = accounts.toArray();
            Object[] out = new Object[all.length - 1];
            System.arraycopy(all, 0, out, 0, skip);
            System.arraycopy(all, skip + 1, out, skip, all.length - skip - 1);
            return out;
        }
    }

    private boolean stillLiquidatable(PerpAccount a, String isolated, Marks current) {
        if (isolated == null) {
            return a.positions().stream().anyMatch(p -> p.mode() == MarginMode.CROSS)
                    && PerpMargin.DEFAULT.crossLiquidatable(a, perpMarkets, current);
        }
        return a.position(isolated).filter(p -> p.mode() == MarginMode.ISOLATED)
                .map(p -> PerpMargin.DEFAULT.isolatedLiquidatable(p, perpMarkets, current)).orElse(false);
    }

    private void record(BlockContext block, AccountId owner, String isolated, PerpLiquidationResult r) {
        liquidatedUsd += r.liquidatedNotional();
        double bookUsd = 0;
        for (BookFill f : r.bookFills()) {
            int m = marketIndex.get(f.market());
            if (f.size() != 0) {
                makersPnl += -f.size() * (marks[m] - f.averagePrice());
                venueFees += f.fee();
                hedge.absorb(m, f);
                bookUsd += Math.abs(f.size()) * marks[m];
            }
        }
        double vaultUsd = 0;
        double residualUsd = 0;
        for (VaultTakeover t : r.vaultTakeovers()) {
            double usd = Math.abs(t.size()) * marks[marketIndex.get(t.market())];
            if (t.residual()) {
                residualUsd += usd;
            } else {
                vaultUsd += usd;
            }
        }
        vault.takeOver(r.vaultTakeovers(), r.ledger(), marks);
        double adlThis = 0;
        for (AdlFill f : r.adlFills()) {
            adlThis += Math.abs(f.size()) * marks[marketIndex.get(f.market())];
        }
        adlUsd += adlThis;
        // In the waterfall's order: the event, the fund's payment, then the deleveraged counterparties.
        String scope = isolated == null ? owner.value() : owner.value() + "/" + isolated;
        block.log("perp-liquidation", scope, String.format(EVENT_NUMBERS,
                "%s: equity %.2f below maintenance %.2f; book %.2f, vault %.2f, ADL %.2f, vault residual %.2f USD "
                        + "notional", spec.id(), r.equityBefore(), r.maintenanceBefore(), bookUsd, vaultUsd, adlThis,
                residualUsd), r.liquidatedNotional());
        if (r.insuranceFundUsed() > 0) {
            block.log("perp-insurance", spec.id().value(), String.format(EVENT_NUMBERS,
                    "paid for the bankrupt scope %s; %.2f USD left in the fund", scope, backstop.insuranceFund()),
                    r.insuranceFundUsed());
        }
        for (AdlFill f : r.adlFills()) {
            block.log("perp-adl", f.counterparty().value(), String.format(EVENT_NUMBERS,
                    "%s %s: %.6f closed at the bankruptcy price %.4f against %s (rank score %.4f)", spec.id(),
                    f.market(), f.size(), f.price(), owner, f.rankScore()),
                    Math.abs(f.size()) * marks[marketIndex.get(f.market())]);
        }
        if (r.socializedLoss() > 0) {
            block.log("perp-socialized-loss", spec.id().value(), "loss of the scope " + scope
                    + " charged to the other accounts pro rata to their value", r.socializedLoss());
        }
    }

    /**
     * The parties as they stood before the block's payments and liquidations: the other parties' value and gross
     * size, and the accounts — as the original objects of the rows the block replaced one by one (accounts are
     * immutable, so a row the block did not replace has the same value after it at the same marks; most blocks replace
     * a few rows of tens of thousands), or, once a liquidation replaced the list itself (counterparties changed too),
     * every account object as it stood.
     */
    private static final class Before {
        private final double others;
        private final double othersScale;
        /** Per row, the mark of the block that kept its original ({@link #mark}); shared by the blocks' checks. */
        private final int[] keptAt;
        private final int mark;
        private int[] rows = new int[16];
        private PerpAccount[] originals = new PerpAccount[16];
        private int count;
        /** Every account as it stood, once the list itself was replaced; null until then. */
        private PerpAccount[] all;

        Before(double others, double othersScale, int[] keptAt, int mark) {
            this.others = others;
            this.othersScale = othersScale;
            this.keptAt = keptAt;
            this.mark = mark;
        }

        /** Row {@code k} is about to be replaced; {@code was} is its account now. */
        void replacing(int k, PerpAccount was) {
            if (all != null || keptAt[k] == mark) {
                return;
            }
            keptAt[k] = mark;
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
                originals = Arrays.copyOf(originals, count * 2);
            }
            rows[count] = k;
            originals[count++] = was;
        }

        /** The list {@code current} is about to be replaced: every account as it stood is kept from here on. */
        void copyAll(List<PerpAccount> current) {
            if (all != null) {
                return;
            }
            all = current.toArray(new PerpAccount[0]);
            for (int j = 0; j < count; j++) {
                all[rows[j]] = originals[j];
            }
        }
    }

    /** The block's parties as they stood before its first payment or liquidation (null: none this block yet). */
    private Before before;
    /** Marks per account row for {@link Before#replacing}; a new mark per block that keeps originals. */
    private int[] keptAt;
    private int keptMark;

    private Before before() {
        double vaultValue = vault.pnl(marks);
        if (keptAt == null || keptAt.length != accounts.size()) {
            keptAt = new int[accounts.size()];
            keptMark = 0;
        }
        return new Before(othersValue(vaultValue), othersScale(vaultValue), keptAt, ++keptMark);
    }

    /** Replaces row {@code k}'s account, keeping its original for the block's check when one is open. */
    private void replace(int k, PerpAccount account) {
        if (before != null) {
            before.replacing(k, accounts.get(k));
        }
        accounts.set(k, account);
    }

    private double othersValue(double vaultValue) {
        return vaultValue + backstop.insuranceFund() + venueFees + makersPnl + fundingToOutside;
    }

    private double othersScale(double vaultValue) {
        return Math.abs(vaultValue) + backstop.insuranceFund() + Math.abs(venueFees) + Math.abs(makersPnl)
                + Math.abs(fundingToOutside);
    }

    /**
     * The change of the parties' total value over the block, at the block's marks: the accounts the block replaced
     * (each valued before and after, on the engine's threads when there are many, and summed here in account order,
     * so the residual is the same on any thread count) and the other parties. An account the block left as it was
     * adds exactly nothing and is not valued; the value at stake is the gross size of the parties that changed.
     */
    private void check(BlockContext block, Before before) {
        int changed = 0;
        int[] rows;
        PerpAccount[] was;
        PerpAccount[] is;
        if (before.all != null) {
            PerpAccount[] now = accounts.toArray(new PerpAccount[0]);
            if (now.length != before.all.length) {
                throw new IllegalStateException("perp exchange " + spec.id() + ": the block changed the number of "
                        + "accounts from " + before.all.length + " to " + now.length);
            }
            rows = new int[now.length];
            for (int k = 0; k < now.length; k++) {
                if (now[k] != before.all[k]) {
                    rows[changed++] = k;
                }
            }
            was = new PerpAccount[changed];
            is = new PerpAccount[changed];
            for (int i = 0; i < changed; i++) {
                was[i] = before.all[rows[i]];
                is[i] = now[rows[i]];
            }
        } else {
            // The rows replaced one by one, in account order as the full comparison finds them; a row replaced by its
            // own original would be no change there, and is none here.
            long[] keyed = new long[before.count];
            for (int j = 0; j < before.count; j++) {
                keyed[j] = ((long) before.rows[j] << 32) | j;
            }
            Arrays.sort(keyed);
            rows = new int[before.count];
            was = new PerpAccount[before.count];
            is = new PerpAccount[before.count];
            for (long key : keyed) {
                int j = (int) key;
                int k = (int) (key >>> 32);
                PerpAccount now = accounts.get(k);
                if (now != before.originals[j]) {
                    rows[changed] = k;
                    was[changed] = before.originals[j];
                    is[changed++] = now;
                }
            }
        }
        Marks current = marks();
        double[] delta = new double[changed];
        double[] grossBefore = new double[changed];
        double[] grossAfter = new double[changed];
        workers.slices(changed, (from, to) -> {
            for (int i = from; i < to; i++) {
                double v0 = PerpMargin.DEFAULT.accountValue(was[i], current);
                double v1 = PerpMargin.DEFAULT.accountValue(is[i], current);
                delta[i] = v1 - v0;
                grossBefore[i] = gross(was[i], v0, current);
                grossAfter[i] = gross(is[i], v1, current);
            }
            return to;
        });
        double moved = 0;
        double scaleBefore = before.othersScale;
        double scaleAfter = 0;
        for (int i = 0; i < changed; i++) {
            moved += delta[i];
            scaleBefore += grossBefore[i];
            scaleAfter += grossAfter[i];
        }
        double vaultValue = vault.pnl(marks);
        moved += othersValue(vaultValue) - before.others;
        scaleAfter += othersScale(vaultValue);
        lastResidual = moved / Math.max(1, Math.max(scaleBefore, scaleAfter));
        if (!(Math.abs(lastResidual) <= CONSERVATION_TOLERANCE)) {
            throw new IllegalStateException("perp exchange " + spec.id() + ": value not conserved in block "
                    + block.number() + " of " + block.chain().id() + " at " + block.now() + " s: the parties' total "
                    + "moved by " + moved + " USD (relative " + lastResidual + ")");
        }
    }

    /** An account's value in absolute terms plus the notional of its positions at the marks. */
    private static double gross(PerpAccount a, double value, Marks marks) {
        double gross = Math.abs(value);
        for (PerpPosition p : a.positions()) {
            gross += p.notional(marks.get(p.market()));
        }
        return gross;
    }

    /** The last checked block's residual relative to the value at stake (0 before any check). */
    double lastResidual() {
        return lastResidual;
    }

    Backstop backstop() {
        return backstop;
    }

    List<PerpAccount> accountsNow() {
        return List.copyOf(accounts);
    }

    /** The margin book the next block marks to market, and the marks of the last: for tests of the book's upkeep. */
    PerpAccountBook bookNow() {
        return fast;
    }

    double[] marksNow() {
        return marks.clone();
    }

    /** The book {@link #bookNow()} must hold the scopes of: built afresh from the accounts as they stand. */
    PerpAccountBook bookAfresh() {
        return PerpAccountBook.of(accounts, perpMarkets, marketOrder);
    }

    double vaultPnl() {
        return lastTime < 0 ? 0 : vault.pnl(marks);
    }

    double venueFees() {
        return venueFees;
    }

    private Marks marks() {
        Map<String, Double> byMarket = new HashMap<>();
        for (int m = 0; m < markets.size(); m++) {
            byMarket.put(markets.get(m).id(), marks[m]);
        }
        return new Marks(byMarket);
    }

    /**
     * Marks every scope to market, a range of rows per thread, and gathers the liquidatable rows into the front of
     * {@code liquidatable} in row order (the same rows, in the same order, on any thread count); returns how many.
     */
    private int markToMarket() {
        PerpAccountBook book = fast;
        List<long[]> found = workers.slices(book.size(), (from, to) ->
                new long[] {from, book.markToMarket(marks, values, maintenance, liquidatable, from, to)});
        int n = 0;
        for (long[] range : found) {
            int count = (int) range[1];
            System.arraycopy(liquidatable, (int) range[0], liquidatable, n, count);
            n += count;
        }
        return n;
    }

    private void replacedOne(int k) {
        if (replacedCount == replaced.length) {
            replaced = Arrays.copyOf(replaced, replacedCount * 2);
        }
        replaced[replacedCount++] = k;
    }

    private void rebuild() {
        // After the first build, the rows of the accounts no liquidation or payment replaced are read from the last;
        // where only a liquidation's own accounts were replaced, the book is patched at them.
        if (fast == null) {
            fast = PerpAccountBook.of(accounts, perpMarkets, marketOrder);
        } else if (replacedAll) {
            fast = fast.rebuilt(accounts);
        } else if (replacedCount > 0) {
            // The exchange holds the only reference to its book: patched where it stands.
            fast = fast.patchedInPlace(accounts, replaced, replacedCount);
        }
        replacedAll = false;
        replacedCount = 0;
        if (values == null || values.length < fast.size()) {
            values = new double[fast.size()];
            maintenance = new double[fast.size()];
            liquidatable = new int[fast.size()];
        }
    }

    @Override
    public List<String> columns() {
        String x = spec.id().value();
        return List.of("perpLiquidated:" + x, "perpAdl:" + x, "perpInsuranceFund:" + x, "perpVaultPnl:" + x,
                "perpHedgeSold:" + x);
    }

    /** Writes the block's figures; the per-block ones are then cleared, so rows of other chains read zero. */
    @Override
    public void fill(double[] row, int offset) {
        row[offset] = liquidatedUsd;
        row[offset + 1] = adlUsd;
        row[offset + 2] = backstop.insuranceFund();
        row[offset + 3] = vaultPnl();
        row[offset + 4] = hedgeSoldUsd;
        liquidatedUsd = 0;
        adlUsd = 0;
        hedgeSoldUsd = 0;
    }
}
