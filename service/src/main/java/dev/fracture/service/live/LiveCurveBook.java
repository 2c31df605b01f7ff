package dev.fracture.service.live;

import dev.fracture.measure.ExposureBook;
import dev.fracture.measure.LiquidationCurve;
import dev.fracture.measure.Position;
import dev.fracture.measure.ProtocolKind;
import dev.fracture.measure.ShockGrid;
import dev.fracture.measure.ShockScope;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The liquidation curves of every asset held, kept up to date as prices and positions change, so that a price update
 * re-evaluates only the positions holding what it moves. It computes what
 * {@link dev.fracture.measure.LiquidationCurveCalculator} computes over the positions at the current prices (the
 * same margins, the same predicate {@code fixed + moving · m < 0} at each whole percent of the grid, the same
 * {@link ShockScope}s) — tested equal to it on seeded random books — but incrementally:
 *
 * <ul>
 *   <li>Each position is, for each shock scope whose assets it holds ("exposed"), liquidatable on one interval of
 *   grid points (its margin is linear in the shock multiplier). Its counts and values at current prices are added
 *   to difference arrays at the interval's two ends; a curve point is a prefix sum.</li>
 *   <li>A position holding none of a scope's assets is liquidatable at every point of that scope's curve or at none,
 *   depending only on its margin now. Those are summed once for all scopes, per asset in token terms (USD at the
 *   snapshot's prices) so that a price change needs no pass over them: the scope's flat part is the sum over every
 *   position liquidatable now less the part over its own exposed positions, each valued at the current prices when
 *   the curve is read.</li>
 *   <li>A price update of an asset moves it and everything standing on it (as {@link ShockScope} moves them), and
 *   re-evaluates only the positions holding one of those assets, in the scopes they are exposed to.</li>
 * </ul>
 *
 * Amounts are summed as whole multiples of 1e-4 USD in {@code long}s: adding and removing a contribution is exact,
 * so the book's state depends only on the current positions and prices, never on the order of the updates that led
 * there, and is the same bits on any machine. Not thread-safe: one writer (the update loop) at a time; readers take
 * the curves it publishes.
 */
public final class LiveCurveBook {
    static final int POINTS = 91;
    private static final double QUANTUM = 1e4;
    private static final ShockGrid GRID = ShockGrid.DEFAULT;

    private final EcosystemSnapshot snapshot;
    private final List<AssetId> assetIds = new ArrayList<>();
    private final Map<AssetId, Integer> assetIndex = new HashMap<>();
    private final double[] basePrice;
    private final int[] parent;
    private final double[] own;
    private final double[] ratio;
    private final int[][] family;
    /** {@link #family} ordered parents first, the order in which ratios are recomputed. */
    private final int[][] familyTopDown;
    private final int[][] scopesMoving;

    private final int[] scopeRoot;
    private final boolean[][] moved;
    private final Side[] down;
    private final Side[] up;
    private final int[] owed;
    private final Now all;
    private final Now[] exposedNow;

    private final List<ProtocolId> protocolIds = new ArrayList<>();
    private final List<ChainId> chainIds = new ArrayList<>();
    private final Map<ProtocolId, Integer> protocolIndex = new HashMap<>();
    private final Map<ChainId, Integer> chainIndex = new HashMap<>();

    private int n;
    private int[] legStart;
    private int[] legCount;
    private int[] protocol;
    private int[] chain;
    private double[] par;
    private ProtocolKind[] kind;
    private String[] market;
    private AccountId[] account;
    private final Map<String, Integer> byLabel = new HashMap<>();

    private int legs;
    private int[] legAsset;
    private OracleId[] legOracle;
    private double[] legW;
    private double[] legC;
    private double[] legD;

    private final GrowableInts[] holders;
    private int[] mark;
    private int stamp;
    private final int[] scopeMark;
    private int scopeStamp;
    private long version;

    private LiveCurveBook(EcosystemSnapshot snapshot, List<Position> positions) {
        this.snapshot = snapshot;
        int a = snapshot.assets().size();
        basePrice = new double[a];
        parent = new int[a];
        own = new double[a];
        ratio = new double[a];
        holders = new GrowableInts[a];
        for (Asset asset : snapshot.assets()) {
            assetIndex.put(asset.id(), assetIds.size());
            assetIds.add(asset.id());
        }
        for (int i = 0; i < a; i++) {
            Asset asset = snapshot.assets().get(i);
            basePrice[i] = asset.referencePriceUsd();
            own[i] = 1;
            ratio[i] = 1;
            holders[i] = new GrowableInts();
        }
        List<ShockScope> scopes = new ArrayList<>();
        for (AssetId id : assetIds) {
            scopes.add(ShockScope.of(snapshot, id));
        }
        family = new int[a][];
        for (int i = 0; i < a; i++) {
            // The parent is the nearest asset whose shock moves this one: of those that do, the one the others move.
            int p = -1;
            for (int j = 0; j < a; j++) {
                if (j != i && scopes.get(j).moves(assetIds.get(i))
                        && (p < 0 || scopes.get(p).moves(assetIds.get(j)))) {
                    p = j;
                }
            }
            parent[i] = p;
            family[i] = scopes.get(i).movedList().stream().mapToInt(assetIndex::get).toArray();
        }
        int[] depth = new int[a];
        for (int i = 0; i < a; i++) {
            for (int p = parent[i]; p >= 0; p = parent[p]) {
                depth[i]++;
            }
        }
        familyTopDown = new int[a][];
        for (int i = 0; i < a; i++) {
            familyTopDown[i] = java.util.Arrays.stream(family[i]).boxed()
                    .sorted(java.util.Comparator.comparingInt(j -> depth[j])).mapToInt(Integer::intValue).toArray();
        }
        for (Position p : positions) {
            protocolIndex.computeIfAbsent(p.protocol(), k -> {
                protocolIds.add(k);
                return protocolIds.size() - 1;
            });
            chainIndex.computeIfAbsent(p.chain(), k -> {
                chainIds.add(k);
                return chainIds.size() - 1;
            });
        }
        scopeRoot = new int[a];
        moved = new boolean[a][a];
        down = new Side[a];
        up = new Side[a];
        owed = new int[a];
        exposedNow = new Now[a];
        List<List<Integer>> movingIn = new ArrayList<>();
        for (int i = 0; i < a; i++) {
            movingIn.add(new ArrayList<>());
        }
        for (int s = 0; s < a; s++) {
            scopeRoot[s] = s;
            for (int m : family[s]) {
                moved[s][m] = true;
                movingIn.get(m).add(s);
            }
            down[s] = new Side(protocolIds.size(), chainIds.size());
            up[s] = new Side(protocolIds.size(), chainIds.size());
            exposedNow[s] = new Now(a, protocolIds.size(), chainIds.size());
        }
        scopesMoving = new int[a][];
        for (int i = 0; i < a; i++) {
            scopesMoving[i] = movingIn.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        all = new Now(a, protocolIds.size(), chainIds.size());
        scopeMark = new int[a];
        int capacity = Math.max(16, positions.size());
        legStart = new int[capacity];
        legCount = new int[capacity];
        protocol = new int[capacity];
        chain = new int[capacity];
        par = new double[capacity];
        kind = new ProtocolKind[capacity];
        market = new String[capacity];
        account = new AccountId[capacity];
        mark = new int[capacity];
        int legCapacity = Math.max(16, positions.stream().mapToInt(p -> p.legs().size()).sum());
        legAsset = new int[legCapacity];
        legOracle = new OracleId[legCapacity];
        legW = new double[legCapacity];
        legC = new double[legCapacity];
        legD = new double[legCapacity];
        for (Position p : positions) {
            int i = addPosition(p.protocol(), p.kind(), p.chain(), p.market(), p.account(), p.fixedDebtUsd());
            for (Position.Leg l : p.legs()) {
                addLeg(l.asset(), l.oracle(), l.weightedUsd(), l.collateralUsd(), l.debtUsd());
            }
            finishLegs(i);
            include(i, ratio, +1);
        }
    }

    /** The book of a snapshot's positions (every lending and CDP protocol, as {@link ExposureBook} reads them). */
    public static LiveCurveBook of(EcosystemSnapshot snapshot) {
        return of(snapshot, ExposureBook.of(snapshot).positions());
    }

    /** The book of given positions, valued at {@code snapshot}'s reference prices. */
    public static LiveCurveBook of(EcosystemSnapshot snapshot, List<Position> positions) {
        return new LiveCurveBook(snapshot, positions);
    }

    // ---- updates ----

    /**
     * Sets {@code asset}'s price to {@code priceUsd}; everything standing on it moves by the same factor. Re-evaluates
     * the positions holding any of those assets.
     *
     * @throws IllegalArgumentException for an unknown asset or a price that is not finite and positive
     */
    public void applyPrice(AssetId asset, double priceUsd) {
        int x = index(asset, "price update");
        if (!(priceUsd > 0) || Double.isInfinite(priceUsd)) {
            throw new IllegalArgumentException("price update of " + asset + ": price must be a finite number > 0 USD, "
                    + "was " + priceUsd);
        }
        double[] old = ratio.clone();
        double parentRatio = parent[x] < 0 ? 1 : ratio[parent[x]];
        own[x] = priceUsd / basePrice[x] / parentRatio;
        for (int a : familyTopDown[x]) {
            ratio[a] = own[a] * (parent[a] < 0 ? 1 : ratio[parent[a]]);
        }
        int s = nextStamp();
        for (int a : family[x]) {
            GrowableInts h = holders[a];
            for (int k = 0, size = h.size(); k < size; k++) {
                int i = h.get(k);
                if (mark[i] != s) {
                    mark[i] = s;
                    include(i, old, -1);
                    include(i, ratio, +1);
                }
            }
        }
        version++;
    }

    /**
     * Applies one position change; a position not in the book is opened.
     *
     * @throws IllegalArgumentException naming the field and the rule when the change is not possible (unknown protocol,
     *                                  market or asset, a negative or non-finite amount, collateral in an asset the
     *                                  market has no liquidation threshold for); the book is then unchanged
     */
    public void applyPosition(PositionChange c) {
        int x = index(c.asset(), "position change " + c.label());
        check(c.collateral(), "collateral", c);
        check(c.debt(), "debt", c);
        check(c.parDebtUsd(), "parDebtUsd", c);
        Integer found = byLabel.get(c.label());
        Template t = found != null ? null : template(c);
        double weight = weight(found, c, x);
        int i;
        if (found == null) {
            i = addPosition(ProtocolId.of(c.protocol()), t.kind, chainIds.get(t.chain), c.market(),
                    AccountId.of(c.account()), 0);
            finishLegs(i);
        } else {
            i = found;
            include(i, ratio, -1);
        }
        rewriteLegs(i, x, c, weight);
        if (c.parDebtUsd() != null) {
            par[i] = c.parDebtUsd();
        }
        include(i, ratio, +1);
        version++;
    }

    // ---- reading ----

    /** The curve of {@code asset} at the current prices, as the calculator would give it. */
    public LiquidationCurve curve(AssetId asset) {
        int s = index(asset, "curve");
        double reference = basePrice[s] * ratio[s];
        List<AssetId> movesWith = new ArrayList<>();
        for (int a : family[s]) {
            movesWith.add(assetIds.get(a));
        }
        List<LiquidationCurve.Point> d = points(s, down[s], GRID.maxDownPercent(), -1, reference);
        List<LiquidationCurve.Point> u = owed[s] > 0 ? points(s, up[s], GRID.maxUpPercent(), +1, reference)
                : List.of();
        return new LiquidationCurve(asset, reference, movesWith, d, u);
    }

    /** Assets some position holds, in snapshot order: the curves worth publishing. */
    public List<AssetId> heldAssets() {
        List<AssetId> out = new ArrayList<>();
        for (int a = 0; a < assetIds.size(); a++) {
            if (holders[a].size() > 0) {
                out.add(assetIds.get(a));
            }
        }
        return out;
    }

    public double priceUsd(AssetId asset) {
        int a = index(asset, "price");
        return basePrice[a] * ratio[a];
    }

    /** How many updates have been applied. */
    public long version() {
        return version;
    }

    public int size() {
        return n;
    }

    /** The snapshot with every asset's reference price set to its current price (protocols as in the snapshot). */
    public EcosystemSnapshot pricedSnapshot() {
        List<Asset> assets = new ArrayList<>();
        for (int a = 0; a < assetIds.size(); a++) {
            Asset o = snapshot.assets().get(a);
            assets.add(new Asset(o.id(), o.chain(), o.symbol(), o.decimals(), o.kind(), basePrice[a] * ratio[a]));
        }
        return new EcosystemSnapshot(snapshot.name(), snapshot.asOf(), snapshot.chains(), assets, snapshot.bridges(),
                snapshot.venues(), snapshot.oracles(), snapshot.protocols());
    }

    /** The positions at the current prices, in the book's order (the order they were added). */
    public List<Position> positions() {
        List<Position> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Position.Leg> l = new ArrayList<>();
            for (int k = legStart[i], end = k + legCount[i]; k < end; k++) {
                double v = ratio[legAsset[k]];
                l.add(new Position.Leg(assetIds.get(legAsset[k]), legOracle[k], legC[k] * v, legW[k] * v,
                        legD[k] * v));
            }
            out.add(new Position(protocolIds.get(protocol[i]), kind[i], chainIds.get(chain[i]), market[i], account[i],
                    l, par[i]));
        }
        return out;
    }

    // ---- the incremental core ----

    /** Adds ({@code sign} +1) or removes (−1) position {@code i}'s contributions valued at ratios {@code r}. */
    private void include(int i, double[] r, int sign) {
        int start = legStart[i];
        int end = start + legCount[i];
        double margin = -par[i];
        for (int k = start; k < end; k++) {
            double v = r[legAsset[k]];
            margin += legW[k] * v - legD[k] * v;
        }
        boolean now = margin < 0;
        int ss = nextScopeStamp();
        if (now) {
            all.add(this, i, sign);
        }
        for (int k = start; k < end; k++) {
            for (int s : scopesMoving[legAsset[k]]) {
                if (scopeMark[s] == ss) {
                    continue;
                }
                scopeMark[s] = ss;
                if (now) {
                    exposedNow[s].add(this, i, sign);
                }
                if (owesIn(i, s)) {
                    owed[s] += sign;
                }
                scope(i, s, r, sign);
            }
        }
    }

    private boolean owesIn(int i, int s) {
        for (int k = legStart[i], end = k + legCount[i]; k < end; k++) {
            if (legD[k] > 0 && moved[s][legAsset[k]]) {
                return true;
            }
        }
        return false;
    }

    /** Position {@code i}'s intervals and values in scope {@code s}, at ratios {@code r}, into the difference arrays. */
    private void scope(int i, int s, double[] r, int sign) {
        boolean[] mv = moved[s];
        double fixed = -par[i];
        double moving = 0;
        double cStill = 0;
        double cMoved = 0;
        double dStill = par[i];
        double dMoved = 0;
        for (int k = legStart[i], end = k + legCount[i]; k < end; k++) {
            int a = legAsset[k];
            double v = r[a];
            double w = legW[k] * v;
            double c = legC[k] * v;
            double d = legD[k] * v;
            if (mv[a]) {
                moving += w - d;
                cMoved += c;
                dMoved += d;
            } else {
                fixed += w - d;
                cStill += c;
                dStill += d;
            }
        }
        long qcs = sign * Math.round(cStill * QUANTUM);
        long qcm = sign * Math.round(cMoved * QUANTUM);
        long qds = sign * Math.round(dStill * QUANTUM);
        long qdm = sign * Math.round(dMoved * QUANTUM);
        int p = protocol[i];
        int c = chain[i];
        int downInterval = interval(fixed, moving, -1);
        down[s].add(downInterval >>> 8, downInterval & 0xff, sign, qcs, qcm, qds, qdm, p, c);
        int upInterval = interval(fixed, moving, +1);
        up[s].add(upInterval >>> 8, upInterval & 0xff, sign, qcs, qcm, qds, qdm, p, c);
    }

    /** Whether the margin is negative at grid step {@code k} in direction {@code dir} (−1 down, +1 up). */
    private static boolean liquidatable(double fixed, double moving, int dir, int k) {
        double shock = dir < 0 ? ShockGrid.down(k) : ShockGrid.up(k);
        return fixed + moving * (1 + shock) < 0;
    }

    /**
     * The grid steps, in direction {@code dir}, where the position is liquidatable, as {@code from << 8 | to}: the
     * margin is linear in the multiplier, so the steps form one run starting at step 0 (the margin rises with the
     * step) or ending at the last (it falls).
     */
    private static int interval(double fixed, double moving, int dir) {
        if (moving == 0) {
            return fixed < 0 ? POINTS : 0;
        }
        boolean rising = (moving > 0) == (dir > 0);
        int first = first(fixed, moving, dir, !rising);
        return rising ? first : first << 8 | POINTS;
    }

    /**
     * The first step whose liquidatable state is {@code state}, or POINTS. The state is monotone in the step, so the
     * step where the margin crosses zero, solved from the linear margin, is within a step of the answer; the exact
     * predicate (the calculator's) then settles it in a couple of evaluations.
     */
    private static int first(double fixed, double moving, int dir, boolean state) {
        double crossing = (-fixed / moving - 1) * 100 * dir;
        int k = crossing <= 0 ? 0 : crossing >= POINTS ? POINTS : (int) Math.ceil(crossing);
        while (k > 0 && liquidatable(fixed, moving, dir, k - 1) == state) {
            k--;
        }
        while (k < POINTS && liquidatable(fixed, moving, dir, k) != state) {
            k++;
        }
        return k;
    }

    private List<LiquidationCurve.Point> points(int s, Side side, int max, int dir, double reference) {
        int nP = protocolIds.size();
        int nC = chainIds.size();
        Now flat = new Now(assetIds.size(), nP, nC);
        flat.addDifference(all, exposedNow[s]);
        double flatColl = flat.value(flat.coll, ratio);
        double flatDebt = flat.value(flat.debt, ratio) + flat.par / QUANTUM;
        double[] flatP = new double[nP];
        double[] flatC = new double[nC];
        for (int p = 0; p < nP; p++) {
            flatP[p] = flat.value(flat.pColl[p], ratio);
        }
        for (int c = 0; c < nC; c++) {
            flatC[c] = flat.value(flat.cColl[c], ratio);
        }
        long cnt = 0;
        long cs = 0;
        long cm = 0;
        long ds = 0;
        long dm = 0;
        long[] ps = new long[nP];
        long[] pm = new long[nP];
        long[] chs = new long[nC];
        long[] chm = new long[nC];
        List<LiquidationCurve.Point> out = new ArrayList<>(max + 1);
        for (int k = 0; k <= max; k++) {
            cnt += side.cnt[k];
            cs += side.cs[k];
            cm += side.cm[k];
            ds += side.ds[k];
            dm += side.dm[k];
            for (int p = 0; p < nP; p++) {
                ps[p] += side.ps[p][k];
                pm[p] += side.pm[p][k];
            }
            for (int c = 0; c < nC; c++) {
                chs[c] += side.chs[c][k];
                chm[c] += side.chm[c][k];
            }
            double shock = dir < 0 ? ShockGrid.down(k) : ShockGrid.up(k);
            double m = 1 + shock;
            Map<ProtocolId, Double> byP = new TreeMap<>();
            for (int p = 0; p < nP; p++) {
                double v = (ps[p] + m * pm[p]) / QUANTUM + flatP[p];
                if (v > 0) {
                    byP.put(protocolIds.get(p), v);
                }
            }
            Map<ChainId, Double> byC = new TreeMap<>();
            for (int c = 0; c < nC; c++) {
                double v = (chs[c] + m * chm[c]) / QUANTUM + flatC[c];
                if (v > 0) {
                    byC.put(chainIds.get(c), v);
                }
            }
            out.add(new LiquidationCurve.Point(shock, reference * m, (int) (cnt + flat.count),
                    (cs + m * cm) / QUANTUM + flatColl, (ds + m * dm) / QUANTUM + flatDebt, byP, byC));
        }
        return out;
    }

    // ---- positions ----

    private int addPosition(ProtocolId p, ProtocolKind k, ChainId c, String m, AccountId a, double parDebt) {
        if (n == legStart.length) {
            int cap = n * 2;
            legStart = Arrays.copyOf(legStart, cap);
            legCount = Arrays.copyOf(legCount, cap);
            protocol = Arrays.copyOf(protocol, cap);
            chain = Arrays.copyOf(chain, cap);
            par = Arrays.copyOf(par, cap);
            kind = Arrays.copyOf(kind, cap);
            market = Arrays.copyOf(market, cap);
            account = Arrays.copyOf(account, cap);
            mark = Arrays.copyOf(mark, cap);
        }
        int i = n++;
        protocol[i] = protocolIndex.get(p);
        chain[i] = chainIndex.get(c);
        par[i] = parDebt;
        kind[i] = k;
        market[i] = m;
        account[i] = a;
        legStart[i] = legs;
        legCount[i] = 0;
        byLabel.put(p + "/" + m + "/" + a, i);
        return i;
    }

    private void addLeg(AssetId asset, OracleId oracle, double w, double c, double d) {
        if (legs == legAsset.length) {
            int cap = legs * 2;
            legAsset = Arrays.copyOf(legAsset, cap);
            legOracle = Arrays.copyOf(legOracle, cap);
            legW = Arrays.copyOf(legW, cap);
            legC = Arrays.copyOf(legC, cap);
            legD = Arrays.copyOf(legD, cap);
        }
        legAsset[legs] = index(asset, "position leg");
        legOracle[legs] = oracle;
        legW[legs] = w;
        legC[legs] = c;
        legD[legs] = d;
        legs++;
    }

    /** Records legs added since the position's start and indexes its holders. */
    private void finishLegs(int i) {
        legCount[i] = legs - legStart[i];
        for (int k = legStart[i]; k < legs; k++) {
            holders[legAsset[k]].add(i);
        }
    }

    /** Replaces position {@code i}'s legs by a copy with asset {@code x}'s holding changed, appended at the end. */
    private void rewriteLegs(int i, int x, PositionChange c, double weight) {
        int oldStart = legStart[i];
        int oldEnd = oldStart + legCount[i];
        boolean seen = false;
        int start = legs;
        for (int k = oldStart; k < oldEnd; k++) {
            if (legAsset[k] == x) {
                seen = true;
                double coll = c.collateral() == null ? legC[k] : c.collateral() * basePrice[x];
                double debt = c.debt() == null ? legD[k] : c.debt() * basePrice[x];
                addLeg(assetIds.get(x), legOracle[k], coll * weight, coll, debt);
            } else {
                addLeg(assetIds.get(legAsset[k]), legOracle[k], legW[k], legC[k], legD[k]);
            }
        }
        if (!seen) {
            double coll = c.collateral() == null ? 0 : c.collateral() * basePrice[x];
            double debt = c.debt() == null ? 0 : c.debt() * basePrice[x];
            addLeg(assetIds.get(x), oracleFor(i, x), coll * weight, coll, debt);
            holders[x].add(i);
        }
        legStart[i] = start;
        legCount[i] = legs - start;
    }

    private record Template(int chain, ProtocolKind kind) {
    }

    private Template template(PositionChange c) {
        ProtocolId p = ProtocolId.of(c.protocol());
        for (int i = 0; i < n; i++) {
            if (protocolIds.get(protocol[i]).equals(p) && market[i].equals(c.market())) {
                return new Template(chain[i], kind[i]);
            }
        }
        throw new IllegalArgumentException("position change " + c.label() + ": protocol '" + c.protocol()
                + "' has no market '" + c.market() + "' with positions (protocols: " + protocolIds + ")");
    }

    /** The share of collateral the rule counts (threshold or factor): the position's own, else its market's. */
    private double weight(Integer i, PositionChange c, int x) {
        if (c.collateral() == null || c.collateral() == 0) {
            Double w = weightOf(i, x);
            return w == null ? 0 : w;
        }
        Double w = weightOf(i, x);
        if (w != null) {
            return w;
        }
        ProtocolId p = ProtocolId.of(c.protocol());
        for (int j = 0; j < n; j++) {
            if (protocolIds.get(protocol[j]).equals(p) && market[j].equals(c.market())) {
                Double other = weightOf(j, x);
                if (other != null) {
                    return other;
                }
            }
        }
        throw new IllegalArgumentException("position change " + c.label() + ": collateral: no position of "
                + c.protocol() + "/" + c.market() + " holds " + c.asset() + " as collateral, so its liquidation "
                + "threshold is unknown here");
    }

    private Double weightOf(Integer i, int x) {
        if (i == null) {
            return null;
        }
        for (int k = legStart[i], end = k + legCount[i]; k < end; k++) {
            if (legAsset[k] == x && legC[k] > 0) {
                return legW[k] / legC[k];
            }
        }
        return null;
    }

    private OracleId oracleFor(int i, int x) {
        for (int j = 0; j < n; j++) {
            if (protocol[j] == protocol[i] && market[j].equals(market[i])) {
                for (int k = legStart[j], end = k + legCount[j]; k < end; k++) {
                    if (legAsset[k] == x) {
                        return legOracle[k];
                    }
                }
            }
        }
        return null;
    }

    private static void check(Double v, String field, PositionChange c) {
        if (v != null && (!Double.isFinite(v) || v < 0)) {
            throw new IllegalArgumentException("position change " + c.label() + ": " + field
                    + " must be a finite amount >= 0, was " + v);
        }
    }

    private int index(AssetId asset, String where) {
        Integer a = asset == null ? null : assetIndex.get(asset);
        if (a == null) {
            throw new IllegalArgumentException(where + ": asset '" + asset + "' is unknown in ecosystem '"
                    + snapshot.name() + "' (it has: " + String.join(", ", assetIds.stream().map(AssetId::value)
                    .toList()) + ")");
        }
        return a;
    }

    private int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        return stamp;
    }

    private int nextScopeStamp() {
        if (++scopeStamp == Integer.MAX_VALUE) {
            Arrays.fill(scopeMark, 0);
            scopeStamp = 1;
        }
        return scopeStamp;
    }

    /** Difference arrays of one side of one scope's curve: a contribution on [from, to) adds at from, subtracts at to. */
    private static final class Side {
        final long[] cnt = new long[POINTS + 1];
        final long[] cs = new long[POINTS + 1];
        final long[] cm = new long[POINTS + 1];
        final long[] ds = new long[POINTS + 1];
        final long[] dm = new long[POINTS + 1];
        final long[][] ps;
        final long[][] pm;
        final long[][] chs;
        final long[][] chm;

        Side(int protocols, int chains) {
            ps = new long[protocols][POINTS + 1];
            pm = new long[protocols][POINTS + 1];
            chs = new long[chains][POINTS + 1];
            chm = new long[chains][POINTS + 1];
        }

        void add(int from, int to, int sign, long qcs, long qcm, long qds, long qdm, int p, int c) {
            if (from >= to) {
                return;
            }
            cnt[from] += sign;
            cnt[to] -= sign;
            cs[from] += qcs;
            cs[to] -= qcs;
            cm[from] += qcm;
            cm[to] -= qcm;
            ds[from] += qds;
            ds[to] -= qds;
            dm[from] += qdm;
            dm[to] -= qdm;
            ps[p][from] += qcs;
            ps[p][to] -= qcs;
            pm[p][from] += qcm;
            pm[p][to] -= qcm;
            chs[c][from] += qcs;
            chs[c][to] -= qcs;
            chm[c][from] += qcm;
            chm[c][to] -= qcm;
        }
    }

    /**
     * Positions liquidatable now, summed per asset in snapshot-price USD (quanta), so their value at any prices is a
     * weighted sum over assets.
     */
    private static final class Now {
        long count;
        long par;
        final long[] coll;
        final long[] debt;
        final long[][] pColl;
        final long[][] cColl;

        Now(int assets, int protocols, int chains) {
            coll = new long[assets];
            debt = new long[assets];
            pColl = new long[protocols][assets];
            cColl = new long[chains][assets];
        }

        void add(LiveCurveBook b, int i, int sign) {
            count += sign;
            par += sign * Math.round(b.par[i] * QUANTUM);
            for (int k = b.legStart[i], end = k + b.legCount[i]; k < end; k++) {
                int a = b.legAsset[k];
                long qc = sign * Math.round(b.legC[k] * QUANTUM);
                coll[a] += qc;
                debt[a] += sign * Math.round(b.legD[k] * QUANTUM);
                pColl[b.protocol[i]][a] += qc;
                cColl[b.chain[i]][a] += qc;
            }
        }

        void addDifference(Now plus, Now minus) {
            count = plus.count - minus.count;
            par = plus.par - minus.par;
            for (int a = 0; a < coll.length; a++) {
                coll[a] = plus.coll[a] - minus.coll[a];
                debt[a] = plus.debt[a] - minus.debt[a];
            }
            for (int p = 0; p < pColl.length; p++) {
                for (int a = 0; a < coll.length; a++) {
                    pColl[p][a] = plus.pColl[p][a] - minus.pColl[p][a];
                }
            }
            for (int c = 0; c < cColl.length; c++) {
                for (int a = 0; a < coll.length; a++) {
                    cColl[c][a] = plus.cColl[c][a] - minus.cColl[c][a];
                }
            }
        }

        double value(long[] perAsset, double[] ratio) {
            double v = 0;
            for (int a = 0; a < perAsset.length; a++) {
                v += perAsset[a] / QUANTUM * ratio[a];
            }
            return v;
        }
    }
}
