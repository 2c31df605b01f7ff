package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules each kind of protocol must keep: its assets exist and live on its chain, each market reads a feed that
 * prices its collateral, its parameters are ones the contracts' own setters accept (Aave's PoolConfigurator, Morpho's
 * createMarket, Comet's constructor, dss {@code file} and its sanity checks, LiquityBase constants), and its positions
 * hold amounts a token can hold, in assets the protocol lists.
 */
final class ProtocolRules {
    static final BigInteger WAD = BigInteger.TEN.pow(18);
    static final BigInteger RAY = BigInteger.TEN.pow(27);
    static final int BPS = 10_000;
    /** Aave v3 stores the e-mode category id in 8 bits; 0 means none. */
    static final int MAX_EMODE = 255;

    private final SnapshotIndex index;
    private final OracleRules oracles;
    private final ViolationSink sink;

    ProtocolRules(SnapshotIndex index, OracleRules oracles, ViolationSink sink) {
        this.index = index;
        this.oracles = oracles;
        this.sink = sink;
    }

    void check(List<ProtocolSpec> protocols) {
        for (int i = 0; i < protocols.size(); i++) {
            ProtocolSpec protocol = protocols.get(i);
            if (protocol == null) {
                continue;
            }
            String p = "protocols[" + i + "]";
            sink.required(p + ".id", protocol.id());
            index.chain(p + ".chain", protocol.chain());
            if (protocol instanceof ProtocolSpec.PooledLending pooled) {
                new PooledLendingRules(p, pooled).check();
            } else if (protocol instanceof ProtocolSpec.IsolatedLending isolated) {
                isolated(p, isolated);
            } else if (protocol instanceof ProtocolSpec.CometLending comet) {
                comet(p, comet);
            } else if (protocol instanceof ProtocolSpec.CdpSystem cdp) {
                cdp(p, cdp);
            } else if (protocol instanceof ProtocolSpec.StabilityPoolSystem pool) {
                stabilityPool(p, pool);
            } else if (protocol instanceof ProtocolSpec.PerpExchange perp) {
                new DerivativesRules(index, oracles, sink).perpExchange(p, perp);
            } else if (protocol instanceof ProtocolSpec.OptionsDealer dealer) {
                new DerivativesRules(index, oracles, sink).optionsDealer(p, dealer);
            }
        }
    }

    /** Resolves an asset the protocol holds; a protocol can only hold tokens of its own chain. */
    private Asset asset(String path, AssetId id, ChainId chain) {
        Asset asset = index.asset(path, id);
        if (asset != null && index.knowsChain(chain) && index.knowsChain(asset.chain())
                && !asset.chain().equals(chain)) {
            sink.add(path, "asset '" + id + "' is on chain '" + asset.chain() + "', not on the protocol's chain '"
                    + chain + "'");
        }
        return asset;
    }

    private void amount(String path, BigDecimal value, Asset token) {
        sink.nonNegative(path, value);
        sink.fitsDecimals(path, value, token);
    }

    /** An amount that may be negative (a Comet borrow, a protocol's deficit) but still no finer than the token. */
    private void signedAmount(String path, BigDecimal value, Asset token) {
        if (sink.required(path, value)) {
            sink.fitsDecimals(path, value, token);
        }
    }

    private void atLeast(String path, BigInteger value, BigInteger min, String unit) {
        if (sink.required(path, value) && value.compareTo(min) < 0) {
            sink.add(path, "must be at least " + min + " (1 " + unit + ") (was " + value + ")");
        }
    }

    /** Strictly between 0 and one {@code unit}: Morpho's LLTV, Clipper's cusp, an abacus cut. */
    private void openUnit(String path, BigInteger value, BigInteger one, String unit) {
        if (sink.required(path, value) && (value.signum() <= 0 || value.compareTo(one) >= 0)) {
            sink.add(path, "must be strictly between 0 and " + one + " (1 " + unit + ") (was " + value + ")");
        }
    }

    private void closedUnit(String path, BigInteger value, BigInteger one, String unit) {
        if (sink.required(path, value) && (value.signum() < 0 || value.compareTo(one) > 0)) {
            sink.add(path, "must be between 0 and " + one + " (1 " + unit + ") (was " + value + ")");
        }
    }

    private void distinct(String path, Object first, Object second, String firstName) {
        if (first != null && first.equals(second)) {
            sink.add(path, "must differ from " + firstName + " (both '" + first + "')");
        }
    }

    private <T> boolean list(String path, List<T> items) {
        if (!sink.required(path, items)) {
            return false;
        }
        for (int j = 0; j < items.size(); j++) {
            sink.required(path + "[" + j + "]", items.get(j));
        }
        return true;
    }

    /** Aave v3: reserves, e-mode categories and accounts, which only reference each other within the pool. */
    private final class PooledLendingRules {
        private final String p;
        private final ProtocolSpec.PooledLending spec;
        private final Map<AssetId, Asset> reserveAssets = new HashMap<>();
        private final Set<Integer> categories = new HashSet<>();

        PooledLendingRules(String p, ProtocolSpec.PooledLending spec) {
            this.p = p;
            this.spec = spec;
        }

        void check() {
            if (list(p + ".eModeCategories", spec.eModeCategories())) {
                for (int j = 0; j < spec.eModeCategories().size(); j++) {
                    category(p + ".eModeCategories[" + j + "]", spec.eModeCategories().get(j));
                }
                SnapshotIndex.unique(p + ".eModeCategories", "id", "e-mode category", spec.eModeCategories(),
                        c -> c.id(), sink);
            }
            if (list(p + ".reserves", spec.reserves())) {
                for (int j = 0; j < spec.reserves().size(); j++) {
                    reserve(p + ".reserves[" + j + "]", spec.reserves().get(j));
                }
                SnapshotIndex.unique(p + ".reserves", "asset", "reserve", spec.reserves(), r -> r.asset(), sink);
            }
            if (list(p + ".accounts", spec.accounts())) {
                for (int j = 0; j < spec.accounts().size(); j++) {
                    account(p + ".accounts[" + j + "]", spec.accounts().get(j));
                }
                SnapshotIndex.unique(p + ".accounts", "id", "account id", spec.accounts(), a -> a.id(), sink);
            }
        }

        private void category(String c, ProtocolSpec.PooledLending.EModeCategory category) {
            if (category == null) {
                return;
            }
            sink.between(c + ".id", category.id(), 1, MAX_EMODE);
            categories.add(category.id());
            thresholds(c, category.ltvBps(), category.liquidationThresholdBps(), category.liquidationBonusBps());
        }

        private void reserve(String r, ProtocolSpec.PooledLending.Reserve reserve) {
            if (reserve == null) {
                return;
            }
            Asset asset = asset(r + ".asset", reserve.asset(), spec.chain());
            if (asset != null) {
                reserveAssets.putIfAbsent(asset.id(), asset);
            }
            oracles.pricing(r + ".oracle", reserve.oracle(), reserve.asset());
            thresholds(r, reserve.ltvBps(), reserve.liquidationThresholdBps(), reserve.liquidationBonusBps());
            sink.between(r + ".liquidationProtocolFeeBps", reserve.liquidationProtocolFeeBps(), 0, BPS);
            sink.nonNegative(r + ".supplyCap", reserve.supplyCap());
            sink.nonNegative(r + ".borrowCap", reserve.borrowCap());
            sink.nonNegative(r + ".debtCeiling", reserve.debtCeiling());
            sink.between(r + ".eModeCategory", reserve.eModeCategory(), 0, MAX_EMODE);
            knownCategory(r + ".eModeCategory", reserve.eModeCategory());
        }

        /**
         * PoolConfigurator.configureReserveAsCollateral (and setEModeCategory): LTV ≤ threshold, a bonus of at
         * least 100% (it includes the repaid principal), and threshold × bonus ≤ 100%, so that liquidating at the
         * threshold can pay the bonus from the collateral. A threshold of 0 disables the asset as collateral.
         */
        private void thresholds(String path, int ltv, int threshold, int bonus) {
            sink.between(path + ".ltvBps", ltv, 0, BPS);
            sink.between(path + ".liquidationThresholdBps", threshold, 0, BPS);
            if (threshold < ltv) {
                sink.add(path + ".liquidationThresholdBps", "must be at least ltvBps " + ltv + " (was " + threshold
                        + ")");
            }
            if (threshold == 0) {
                return;
            }
            if (bonus < BPS) {
                sink.add(path + ".liquidationBonusBps", "must be at least 10000 (100%: the bonus includes the repaid "
                        + "principal) (was " + bonus + ")");
            } else if (((long) threshold * bonus + BPS / 2) / BPS > BPS) {
                sink.add(path + ".liquidationBonusBps", "liquidationThresholdBps x liquidationBonusBps must be at "
                        + "most 100% (was " + threshold + " x " + bonus + ")");
            }
        }

        private void knownCategory(String path, int category) {
            if (category != 0 && category >= 1 && category <= MAX_EMODE && !categories.contains(category)) {
                sink.add(path, "unknown e-mode category " + category);
            }
        }

        private void account(String a, ProtocolSpec.PooledLending.Account account) {
            if (account == null) {
                return;
            }
            sink.required(a + ".id", account.id());
            sink.between(a + ".eModeCategory", account.eModeCategory(), 0, MAX_EMODE);
            knownCategory(a + ".eModeCategory", account.eModeCategory());
            if (list(a + ".collaterals", account.collaterals())) {
                for (int k = 0; k < account.collaterals().size(); k++) {
                    ProtocolSpec.PooledLending.Supply s = account.collaterals().get(k);
                    if (s != null) {
                        balance(a + ".collaterals[" + k + "]", s.asset(), s.amount());
                    }
                }
                SnapshotIndex.unique(a + ".collaterals", "asset", "collateral", account.collaterals(),
                        s -> s.asset(), sink);
            }
            if (list(a + ".debts", account.debts())) {
                for (int k = 0; k < account.debts().size(); k++) {
                    ProtocolSpec.Balance d = account.debts().get(k);
                    if (d != null) {
                        balance(a + ".debts[" + k + "]", d.asset(), d.amount());
                    }
                }
                SnapshotIndex.unique(a + ".debts", "asset", "debt", account.debts(), d -> d.asset(), sink);
            }
        }

        /** A balance in a reserve of this pool; only reserves can be supplied or borrowed. */
        private void balance(String path, AssetId id, BigDecimal amount) {
            Asset token = null;
            if (sink.required(path + ".asset", id)) {
                token = reserveAssets.get(id);
                if (token == null) {
                    sink.add(path + ".asset", "asset '" + id + "' is not a reserve of protocol '" + spec.id() + "'");
                }
            }
            amount(path + ".amount", amount, token);
        }
    }

    private void isolated(String p, ProtocolSpec.IsolatedLending spec) {
        if (!list(p + ".markets", spec.markets())) {
            return;
        }
        for (int j = 0; j < spec.markets().size(); j++) {
            ProtocolSpec.IsolatedLending.Market market = spec.markets().get(j);
            if (market != null) {
                market(p + ".markets[" + j + "]", market, spec.chain());
            }
        }
        SnapshotIndex.unique(p + ".markets", "id", "market id", spec.markets(), m -> m.id(), sink);
    }

    private void market(String m, ProtocolSpec.IsolatedLending.Market market, ChainId chain) {
        sink.notBlank(m + ".id", market.id());
        Asset loan = asset(m + ".loanAsset", market.loanAsset(), chain);
        Asset collateral = asset(m + ".collateralAsset", market.collateralAsset(), chain);
        distinct(m + ".collateralAsset", market.loanAsset(), market.collateralAsset(), "loanAsset");
        openUnit(m + ".lltv", market.lltv(), WAD, "WAD");
        oracles.pricing(m + ".oracle", market.oracle(), market.collateralAsset());
        amount(m + ".totalSupply", market.totalSupply(), loan);
        if (!list(m + ".positions", market.positions())) {
            return;
        }
        BigDecimal borrowed = BigDecimal.ZERO;
        for (int k = 0; k < market.positions().size(); k++) {
            ProtocolSpec.IsolatedLending.Position position = market.positions().get(k);
            if (position == null) {
                continue;
            }
            String q = m + ".positions[" + k + "]";
            sink.required(q + ".account", position.account());
            amount(q + ".collateral", position.collateral(), collateral);
            amount(q + ".borrow", position.borrow(), loan);
            if (position.borrow() != null && position.borrow().signum() > 0) {
                borrowed = borrowed.add(position.borrow());
            }
        }
        SnapshotIndex.unique(m + ".positions", "account", "account id", market.positions(), q -> q.account(), sink);
        // Morpho's borrow reverts with "insufficient liquidity" once total borrow would exceed total supply.
        if (market.totalSupply() != null && borrowed.compareTo(market.totalSupply()) > 0) {
            sink.add(m + ".totalSupply", "must cover the positions' borrows of " + borrowed.toPlainString()
                    + " (was " + market.totalSupply().toPlainString() + ")");
        }
    }

    private void comet(String p, ProtocolSpec.CometLending spec) {
        Asset base = asset(p + ".baseAsset", spec.baseAsset(), spec.chain());
        oracles.pricing(p + ".baseOracle", spec.baseOracle(), spec.baseAsset());
        closedUnit(p + ".storeFrontPriceFactor", spec.storeFrontPriceFactor(), WAD, "WAD");
        signedAmount(p + ".reserves", spec.reserves(), base);
        amount(p + ".targetReserves", spec.targetReserves(), base);
        Map<AssetId, Asset> collaterals = new HashMap<>();
        if (list(p + ".assets", spec.assets())) {
            for (int j = 0; j < spec.assets().size(); j++) {
                ProtocolSpec.CometLending.Collateral c = spec.assets().get(j);
                if (c == null) {
                    continue;
                }
                String a = p + ".assets[" + j + "]";
                Asset token = asset(a + ".asset", c.asset(), spec.chain());
                if (token != null) {
                    collaterals.putIfAbsent(token.id(), token);
                }
                distinct(a + ".asset", spec.baseAsset(), c.asset(), "baseAsset");
                oracles.pricing(a + ".oracle", c.oracle(), c.asset());
                closedUnit(a + ".borrowCollateralFactor", c.borrowCollateralFactor(), WAD, "WAD");
                closedUnit(a + ".liquidateCollateralFactor", c.liquidateCollateralFactor(), WAD, "WAD");
                closedUnit(a + ".liquidationFactor", c.liquidationFactor(), WAD, "WAD");
                if (c.borrowCollateralFactor() != null && c.liquidateCollateralFactor() != null
                        && c.borrowCollateralFactor().compareTo(c.liquidateCollateralFactor()) >= 0) {
                    // Comet's constructor: BorrowCFTooLarge.
                    sink.add(a + ".borrowCollateralFactor", "must be below liquidateCollateralFactor "
                            + c.liquidateCollateralFactor() + " (was " + c.borrowCollateralFactor() + ")");
                }
                amount(a + ".supplyCap", c.supplyCap(), token);
            }
            SnapshotIndex.unique(p + ".assets", "asset", "collateral asset", spec.assets(), c -> c.asset(), sink);
        }
        if (!list(p + ".accounts", spec.accounts())) {
            return;
        }
        for (int j = 0; j < spec.accounts().size(); j++) {
            ProtocolSpec.CometLending.Account account = spec.accounts().get(j);
            if (account == null) {
                continue;
            }
            String a = p + ".accounts[" + j + "]";
            sink.required(a + ".id", account.id());
            signedAmount(a + ".baseBalance", account.baseBalance(), base);
            if (list(a + ".collateral", account.collateral())) {
                for (int k = 0; k < account.collateral().size(); k++) {
                    ProtocolSpec.Balance b = account.collateral().get(k);
                    if (b == null) {
                        continue;
                    }
                    String c = a + ".collateral[" + k + "]";
                    Asset token = null;
                    if (sink.required(c + ".asset", b.asset())) {
                        token = collaterals.get(b.asset());
                        if (token == null) {
                            sink.add(c + ".asset", "asset '" + b.asset() + "' is not a collateral asset of protocol '"
                                    + spec.id() + "'");
                        }
                    }
                    amount(c + ".amount", b.amount(), token);
                }
                SnapshotIndex.unique(a + ".collateral", "asset", "collateral", account.collateral(), b -> b.asset(),
                        sink);
            }
        }
        SnapshotIndex.unique(p + ".accounts", "id", "account id", spec.accounts(), a -> a.id(), sink);
    }

    private void cdp(String p, ProtocolSpec.CdpSystem spec) {
        Asset stable = asset(p + ".stablecoin", spec.stablecoin(), spec.chain());
        amount(p + ".hole", spec.hole(), stable);
        Map<String, Asset> ilkCollateral = new HashMap<>();
        Set<String> ilkNames = new HashSet<>();
        if (list(p + ".ilks", spec.ilks())) {
            for (int j = 0; j < spec.ilks().size(); j++) {
                ProtocolSpec.CdpSystem.Ilk ilk = spec.ilks().get(j);
                if (ilk != null) {
                    String i = p + ".ilks[" + j + "]";
                    sink.notBlank(i + ".name", ilk.name());
                    ilkNames.add(ilk.name());
                    Asset collateral = asset(i + ".collateral", ilk.collateral(), spec.chain());
                    ilkCollateral.putIfAbsent(ilk.name(), collateral);
                    ilk(i, ilk, stable, collateral);
                }
            }
            SnapshotIndex.unique(p + ".ilks", "name", "ilk", spec.ilks(), i -> i.name(), sink);
        }
        if (!list(p + ".vaults", spec.vaults())) {
            return;
        }
        for (int j = 0; j < spec.vaults().size(); j++) {
            ProtocolSpec.CdpSystem.Vault vault = spec.vaults().get(j);
            if (vault == null) {
                continue;
            }
            String v = p + ".vaults[" + j + "]";
            sink.required(v + ".owner", vault.owner());
            if (sink.required(v + ".ilk", vault.ilk()) && !ilkNames.contains(vault.ilk())) {
                sink.add(v + ".ilk", "unknown ilk '" + vault.ilk() + "'");
            }
            amount(v + ".ink", vault.ink(), ilkCollateral.get(vault.ilk()));
            // art is a WAD in the Vat whatever the collateral; the stablecoin's 18 decimals bound it.
            amount(v + ".art", vault.art(), stable);
        }
        // The Vat holds one urn per (ilk, owner).
        SnapshotIndex.unique(p + ".vaults", "", "vault", spec.vaults(), v -> v.owner() == null || v.ilk() == null
                ? null : v.ilk() + "/" + v.owner(), sink);
    }

    private void ilk(String i, ProtocolSpec.CdpSystem.Ilk ilk, Asset stable, Asset collateral) {
        oracles.pricing(i + ".oracle", ilk.oracle(), ilk.collateral());
        atLeast(i + ".mat", ilk.mat(), RAY, "RAY");
        // A duty below 1 RAY would shrink debt over time; the Jug's drip would underflow rate toward 0.
        atLeast(i + ".duty", ilk.duty(), RAY, "RAY");
        atLeast(i + ".rate", ilk.rate(), RAY, "RAY");
        amount(i + ".dust", ilk.dust(), stable);
        amount(i + ".line", ilk.line(), stable);
        amount(i + ".hole", ilk.hole(), stable);
        atLeast(i + ".chop", ilk.chop(), WAD, "WAD");
        if (ilk.flipper() != null) {
            if (ilk.clipper() != null) {
                sink.add(i + ".flipper", "an ilk names either a clipper or a flipper, not both");
            }
            flipper(i + ".flipper", ilk.flipper(), collateral);
            return;
        }
        if (!sink.required(i + ".clipper", ilk.clipper())) {
            return;
        }
        String c = i + ".clipper";
        ProtocolSpec.CdpSystem.Clipper clipper = ilk.clipper();
        atLeast(c + ".buf", clipper.buf(), RAY, "RAY");
        sink.positive(c + ".tail", clipper.tail());
        openUnit(c + ".cusp", clipper.cusp(), RAY, "RAY");
        closedUnit(c + ".chip", clipper.chip(), WAD, "WAD");
        amount(c + ".tip", clipper.tip(), stable);
        if (!sink.required(c + ".calc", clipper.calc())) {
            return;
        }
        ProtocolSpec.CdpSystem.Calc calc = clipper.calc();
        if (calc instanceof ProtocolSpec.CdpSystem.LinearDecrease linear) {
            sink.positive(c + ".calc.tau", linear.tau());
        } else if (calc instanceof ProtocolSpec.CdpSystem.StairstepExponentialDecrease stair) {
            sink.positive(c + ".calc.step", stair.step());
            openUnit(c + ".calc.cut", stair.cut(), RAY, "RAY");
        } else if (calc instanceof ProtocolSpec.CdpSystem.ExponentialDecrease exp) {
            openUnit(c + ".calc.cut", exp.cut(), RAY, "RAY");
        }
    }

    /**
     * flip.sol: beg at least 1 WAD (a minimum increase), ttl and tau positive and within its uint48 timestamps; the
     * Cat's lump a positive amount of the collateral.
     */
    private void flipper(String f, ProtocolSpec.CdpSystem.Flipper flipper, Asset collateral) {
        atLeast(f + ".beg", flipper.beg(), WAD, "WAD");
        uint48Seconds(f + ".ttl", flipper.ttl());
        uint48Seconds(f + ".tau", flipper.tau());
        sink.positive(f + ".lump", flipper.lump());
        if (flipper.lump() != null) {
            sink.fitsDecimals(f + ".lump", flipper.lump(), collateral);
        }
    }

    private void uint48Seconds(String path, long seconds) {
        long maxUint48 = (1L << 48) - 1;
        if (seconds <= 0 || seconds > maxUint48) {
            sink.add(path, "must be between 1 and " + maxUint48 + " seconds (uint48) (was " + seconds + ")");
        }
    }

    private void stabilityPool(String p, ProtocolSpec.StabilityPoolSystem spec) {
        Asset stable = asset(p + ".stablecoin", spec.stablecoin(), spec.chain());
        Asset collateral = asset(p + ".collateral", spec.collateral(), spec.chain());
        distinct(p + ".collateral", spec.stablecoin(), spec.collateral(), "stablecoin");
        oracles.pricing(p + ".oracle", spec.oracle(), spec.collateral());
        atLeast(p + ".mcr", spec.mcr(), WAD, "WAD");
        atLeast(p + ".ccr", spec.ccr(), WAD, "WAD");
        if (spec.mcr() != null && spec.ccr() != null && spec.ccr().compareTo(spec.mcr()) < 0) {
            sink.add(p + ".ccr", "must be at least mcr " + spec.mcr() + " (was " + spec.ccr() + ")");
        }
        amount(p + ".gasCompensation", spec.gasCompensation(), stable);
        sink.positive(p + ".percentDivisor", spec.percentDivisor());
        amount(p + ".poolDeposits", spec.poolDeposits(), stable);
        if (!list(p + ".troves", spec.troves())) {
            return;
        }
        for (int j = 0; j < spec.troves().size(); j++) {
            ProtocolSpec.StabilityPoolSystem.Trove trove = spec.troves().get(j);
            if (trove == null) {
                continue;
            }
            String t = p + ".troves[" + j + "]";
            sink.required(t + ".owner", trove.owner());
            amount(t + ".coll", trove.coll(), collateral);
            amount(t + ".debt", trove.debt(), stable);
        }
        // Liquity's TroveManager keys troves by owner: one trove each.
        SnapshotIndex.unique(p + ".troves", "owner", "trove owner", spec.troves(), t -> t.owner(), sink);
    }
}
