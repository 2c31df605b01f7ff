package dev.fracture.io;

import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands every population into ordinary positions, appended after the protocol's hand-written ones, so that the
 * validator and everything downstream see plain accounts, market positions, vaults and troves.
 *
 * <p>For position k of a population: the mix entry, a relative size and a health factor H are drawn
 * ({@link PopulationDraws}); sizes are then scaled so that they sum to the target in USD at the assets' reference
 * prices. The other side follows from H, which every protocol defines as liquidation-weighted collateral over debt,
 * 1 being the liquidation boundary:
 * <ul>
 *   <li>Aave v3: H = Σ collateral·LT / debt (GenericLogic.calculateUserAccountData), LT the e-mode category's for
 *   assets of the account's category;</li>
 *   <li>Morpho Blue: H = collateral·LLTV / borrow (Morpho._isHealthy);</li>
 *   <li>Compound v3: H = Σ collateral·liquidateCollateralFactor / borrow (Comet.isLiquidatable);</li>
 *   <li>Maker: H = ink·price / (mat·art·rate), i.e. collateral ratio over mat (Vat.frob / Dog.bark), debt at par;</li>
 *   <li>Liquity: H = ICR / MCR = coll·price / (MCR·debt), debt at par.</li>
 * </ul>
 * Collateral is rounded up and debt down to the token's decimals, so rounding to units never lowers a position's
 * health (the amounts are first taken to 15 significant digits, which moves them by less than 10^-15).
 */
final class PopulationExpander {
    private static final double BPS = 10_000;
    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);
    private static final BigDecimal RAY = BigDecimal.TEN.pow(27);
    private static final MathContext SIGNIFICANT = new MathContext(15, RoundingMode.HALF_EVEN);

    private final Decoding decoding;
    private final Map<AssetId, Asset> assets = new HashMap<>();

    PopulationExpander(Decoding decoding) {
        this.decoding = decoding;
    }

    /** The snapshot with every population expanded; problems found are added to the decoding. */
    DecodedSnapshot expand(DecodedSnapshot parts, PopulationDecoder populations) {
        parts.assets().forEach(a -> assets.putIfAbsent(a.id(), a));
        List<ProtocolSpec> out = new ArrayList<>();
        for (int i = 0; i < parts.protocols().size(); i++) {
            String path = "protocols[" + i + "]";
            ProtocolSpec protocol = parts.protocols().get(i);
            for (PopulationSpec population : populations.of(path)) {
                protocol = expand(path, protocol, population);
            }
            out.add(protocol);
        }
        return new DecodedSnapshot(parts.name(), parts.asOf(), parts.chains(), parts.assets(), parts.bridges(),
                parts.venues(), parts.oracles(), out);
    }

    private ProtocolSpec expand(String path, ProtocolSpec protocol, PopulationSpec p) {
        if (protocol instanceof ProtocolSpec.PooledLending l) {
            return new PooledPopulation(path, l, p).expand();
        } else if (protocol instanceof ProtocolSpec.IsolatedLending m) {
            return isolated(path, m, p);
        } else if (protocol instanceof ProtocolSpec.CometLending c) {
            return comet(path, c, p);
        } else if (protocol instanceof ProtocolSpec.CdpSystem cdp) {
            return cdp(path, cdp, p);
        } else if (protocol instanceof ProtocolSpec.StabilityPoolSystem s) {
            return troves(path, s, p);
        }
        return protocol;
    }

    /** The draws of a population: mix entry, size in USD (scaled to the target) and health of each position. */
    private record Draws(int[] entry, double[] sizeUsd, double[] health) {
        static Draws of(PopulationSpec p) {
            double[] cumulative = new double[Math.max(1, p.mix().size())];
            double sum = 0;
            for (int e = 0; e < p.mix().size(); e++) {
                sum += p.mix().get(e).weight();
                cumulative[e] = sum;
            }
            int[] entry = new int[p.count()];
            double[] size = new double[p.count()];
            double[] health = new double[p.count()];
            PopulationDraws draws = new PopulationDraws(p.seed());
            double total = 0;
            for (int k = 0; k < p.count(); k++) {
                double[] u = draws.next();
                entry[k] = pick(cumulative, u[0] * sum);
                size[k] = p.size().draw(u[1], u[2]);
                health[k] = p.health() == null ? Double.POSITIVE_INFINITY : p.health().draw(u[3], u[4]);
                total += size[k];
            }
            double scale = p.targetUsd() / total;
            for (int k = 0; k < p.count(); k++) {
                size[k] *= scale;
            }
            return new Draws(entry, size, health);
        }

        private static int pick(double[] cumulative, double x) {
            for (int e = 0; e < cumulative.length - 1; e++) {
                if (x < cumulative[e]) {
                    return e;
                }
            }
            return cumulative.length - 1;
        }
    }

    /** Debt and collateral in USD of one position, from its drawn size, health and liquidation weight. */
    private static double[] sides(PopulationSpec p, double size, double health, double weight) {
        if (p.target() == PopulationSpec.Target.DEBT) {
            return new double[] {size, size * health / weight};
        }
        return new double[] {Double.isInfinite(health) ? 0 : size * weight / health, size};
    }

    private final class PooledPopulation {
        private final String path;
        private final ProtocolSpec.PooledLending spec;
        private final PopulationSpec p;
        private final Map<AssetId, ProtocolSpec.PooledLending.Reserve> reserves = new HashMap<>();
        private final Map<Integer, ProtocolSpec.PooledLending.EModeCategory> categories = new HashMap<>();

        PooledPopulation(String path, ProtocolSpec.PooledLending spec, PopulationSpec p) {
            this.path = path;
            this.spec = spec;
            this.p = p;
            spec.reserves().forEach(r -> reserves.putIfAbsent(r.asset(), r));
            spec.eModeCategories().forEach(c -> categories.putIfAbsent(c.id(), c));
        }

        ProtocolSpec expand() {
            double[] weights = new double[p.mix().size()];
            boolean ok = true;
            for (int e = 0; e < p.mix().size(); e++) {
                var mix = (PopulationSpec.PooledMix) p.mix().get(e);
                weights[e] = threshold(mix);
                ok &= weights[e] >= 0;
            }
            if (!ok) {
                return spec;
            }
            Draws d = Draws.of(p);
            List<ProtocolSpec.PooledLending.Account> accounts = new ArrayList<>(spec.accounts());
            for (int k = 0; k < p.count(); k++) {
                var mix = (PopulationSpec.PooledMix) p.mix().get(d.entry()[k]);
                double[] usd = sides(p, d.sizeUsd()[k], d.health()[k], weights[d.entry()[k]]);
                List<ProtocolSpec.PooledLending.Supply> supplies = new ArrayList<>();
                double collateralWeight = total(mix.collateral());
                for (PopulationSpec.Share s : mix.collateral()) {
                    supplies.add(new ProtocolSpec.PooledLending.Supply(s.asset(),
                            up(usd[1] * s.weight() / collateralWeight, s.asset()), true));
                }
                List<ProtocolSpec.Balance> debts = new ArrayList<>();
                double debtWeight = total(mix.debt());
                for (PopulationSpec.Share s : mix.debt()) {
                    BigDecimal amount = down(usd[0] * s.weight() / debtWeight, s.asset());
                    if (amount.signum() == 0) {
                        return tooFine(s.path() + ".asset", k, s.asset());
                    }
                    debts.add(new ProtocolSpec.Balance(s.asset(), amount));
                }
                String at = path + ".accounts[" + accounts.size() + "]";
                decoding.sourceMap().put(at, decoding.sourceMap().locate(p.path()));
                accounts.add(new ProtocolSpec.PooledLending.Account(AccountId.of(p.id() + "-" + (k + 1)),
                        mix.eModeCategory(), supplies, debts));
            }
            return new ProtocolSpec.PooledLending(spec.id(), spec.chain(), spec.reserves(), spec.eModeCategories(),
                    accounts);
        }

        /**
         * The entry's value-weighted liquidation threshold, a fraction; −1 after reporting a broken rule. In e-mode
         * (v3.0 and v3.1) every asset of the account's category counts at the category's threshold, and only assets
         * of the category may be borrowed (ValidationLogic.validateBorrow: INCONSISTENT_EMODE_CATEGORY).
         */
        private double threshold(PopulationSpec.PooledMix mix) {
            boolean ok = true;
            var category = categories.get(mix.eModeCategory());
            if (mix.eModeCategory() != 0 && category == null) {
                problem(mix.path() + ".eModeCategory", "unknown e-mode category " + mix.eModeCategory()
                        + " of protocol '" + spec.id() + "'");
                return -1;
            }
            double weighted = 0;
            for (PopulationSpec.Share s : mix.collateral()) {
                var reserve = reserve(s);
                if (reserve == null) {
                    ok = false;
                    continue;
                }
                boolean inEMode = category != null && reserve.eModeCategory() == category.id();
                weighted += s.weight() * (inEMode ? category.liquidationThresholdBps()
                        : reserve.liquidationThresholdBps()) / BPS;
            }
            for (PopulationSpec.Share s : mix.debt()) {
                var reserve = reserve(s);
                if (reserve == null) {
                    ok = false;
                } else if (category != null && reserve.eModeCategory() != category.id()) {
                    problem(s.path() + ".asset", "asset '" + s.asset() + "' is not in e-mode category "
                            + category.id() + ": an account in e-mode may only borrow the category's assets");
                    ok = false;
                }
            }
            if (!ok) {
                return -1;
            }
            double threshold = weighted / total(mix.collateral());
            if (!mix.debt().isEmpty() && threshold <= 0) {
                problem(mix.path() + ".collateral", "the collateral has a liquidation threshold of 0 and cannot back "
                        + "a debt");
                return -1;
            }
            return threshold;
        }

        private ProtocolSpec.PooledLending.Reserve reserve(PopulationSpec.Share s) {
            var reserve = reserves.get(s.asset());
            if (reserve == null) {
                problem(s.path() + ".asset", "asset '" + s.asset() + "' is not a reserve of protocol '" + spec.id()
                        + "'");
            } else if (!priced(s.asset())) {
                return null;
            }
            return reserve;
        }

        private ProtocolSpec tooFine(String at, int k, AssetId asset) {
            problem(at, "position " + (k + 1) + " of population '" + p.id() + "' borrows less than one unit of '"
                    + asset + "': raise the total or lower the count");
            return spec;
        }
    }

    private ProtocolSpec isolated(String path, ProtocolSpec.IsolatedLending spec, PopulationSpec p) {
        int[] market = new int[p.mix().size()];
        boolean ok = true;
        for (int e = 0; e < p.mix().size(); e++) {
            var mix = (PopulationSpec.MarketMix) p.mix().get(e);
            market[e] = -1;
            for (int j = 0; j < spec.markets().size(); j++) {
                if (spec.markets().get(j).id() != null && spec.markets().get(j).id().equals(mix.market())) {
                    market[e] = j;
                }
            }
            if (market[e] < 0) {
                problem(mix.path() + ".market", "unknown market '" + mix.market() + "' of protocol '" + spec.id() + "'");
                ok = false;
            } else {
                var m = spec.markets().get(market[e]);
                ok &= m.lltv() != null && priced(m.loanAsset()) && priced(m.collateralAsset());
            }
        }
        if (!ok) {
            return spec;
        }
        List<List<ProtocolSpec.IsolatedLending.Position>> positions = new ArrayList<>();
        spec.markets().forEach(m -> positions.add(new ArrayList<>(m.positions())));
        double[] lltv = new double[p.mix().size()];
        for (int e = 0; e < lltv.length; e++) {
            lltv[e] = new BigDecimal(spec.markets().get(market[e]).lltv()).divide(WAD).doubleValue();
        }
        Draws d = Draws.of(p);
        for (int k = 0; k < p.count(); k++) {
            int j = market[d.entry()[k]];
            var m = spec.markets().get(j);
            double[] usd = sides(p, d.sizeUsd()[k], d.health()[k], lltv[d.entry()[k]]);
            BigDecimal borrow = down(usd[0], m.loanAsset());
            if (borrow.signum() == 0) {
                problem(p.mix().get(d.entry()[k]).path() + ".market", "position " + (k + 1) + " of population '"
                        + p.id() + "' borrows less than one unit of '" + m.loanAsset() + "': raise the total or lower "
                        + "the count");
                return spec;
            }
            decoding.sourceMap().put(path + ".markets[" + j + "].positions[" + positions.get(j).size() + "]",
                    decoding.sourceMap().locate(p.path()));
            positions.get(j).add(new ProtocolSpec.IsolatedLending.Position(AccountId.of(p.id() + "-" + (k + 1)),
                    up(usd[1], m.collateralAsset()), borrow));
        }
        List<ProtocolSpec.IsolatedLending.Market> markets = new ArrayList<>();
        for (int j = 0; j < spec.markets().size(); j++) {
            var m = spec.markets().get(j);
            markets.add(new ProtocolSpec.IsolatedLending.Market(m.id(), m.loanAsset(), m.collateralAsset(), m.lltv(),
                    m.oracle(), m.totalSupply(), positions.get(j)));
        }
        return new ProtocolSpec.IsolatedLending(spec.id(), spec.chain(), markets);
    }

    private ProtocolSpec comet(String path, ProtocolSpec.CometLending spec, PopulationSpec p) {
        Map<AssetId, ProtocolSpec.CometLending.Collateral> collaterals = new HashMap<>();
        spec.assets().forEach(c -> collaterals.putIfAbsent(c.asset(), c));
        double[] weights = new double[p.mix().size()];
        boolean ok = spec.baseAsset() != null && priced(spec.baseAsset());
        for (int e = 0; e < p.mix().size(); e++) {
            var mix = (PopulationSpec.CometMix) p.mix().get(e);
            double weighted = 0;
            for (PopulationSpec.Share s : mix.collateral()) {
                var c = collaterals.get(s.asset());
                if (c == null) {
                    problem(s.path() + ".asset", "asset '" + s.asset() + "' is not a collateral asset of protocol '"
                            + spec.id() + "'");
                    ok = false;
                } else if (c.liquidateCollateralFactor() == null || !priced(s.asset())) {
                    ok = false;
                } else {
                    weighted += s.weight() * new BigDecimal(c.liquidateCollateralFactor()).divide(WAD).doubleValue();
                }
            }
            weights[e] = weighted / total(mix.collateral());
            if (ok && weights[e] <= 0) {
                problem(mix.path() + ".collateral", "the collateral has a liquidateCollateralFactor of 0 and cannot "
                        + "back a debt");
                ok = false;
            }
        }
        if (!ok) {
            return spec;
        }
        List<ProtocolSpec.CometLending.Account> accounts = new ArrayList<>(spec.accounts());
        Draws d = Draws.of(p);
        for (int k = 0; k < p.count(); k++) {
            var mix = (PopulationSpec.CometMix) p.mix().get(d.entry()[k]);
            double[] usd = sides(p, d.sizeUsd()[k], d.health()[k], weights[d.entry()[k]]);
            BigDecimal borrow = down(usd[0], spec.baseAsset());
            if (borrow.signum() == 0) {
                problem(mix.path(), "position " + (k + 1) + " of population '" + p.id() + "' borrows less than one "
                        + "unit of '" + spec.baseAsset() + "': raise the total or lower the count");
                return spec;
            }
            List<ProtocolSpec.Balance> collateral = new ArrayList<>();
            double collateralWeight = total(mix.collateral());
            for (PopulationSpec.Share s : mix.collateral()) {
                collateral.add(new ProtocolSpec.Balance(s.asset(), up(usd[1] * s.weight() / collateralWeight,
                        s.asset())));
            }
            decoding.sourceMap().put(path + ".accounts[" + accounts.size() + "]",
                    decoding.sourceMap().locate(p.path()));
            accounts.add(new ProtocolSpec.CometLending.Account(AccountId.of(p.id() + "-" + (k + 1)), borrow.negate(),
                    collateral));
        }
        return new ProtocolSpec.CometLending(spec.id(), spec.chain(), spec.baseAsset(), spec.baseOracle(),
                spec.storeFrontPriceFactor(), spec.reserves(), spec.targetReserves(), spec.assets(), accounts);
    }

    private ProtocolSpec cdp(String path, ProtocolSpec.CdpSystem spec, PopulationSpec p) {
        Map<String, ProtocolSpec.CdpSystem.Ilk> ilks = new HashMap<>();
        spec.ilks().forEach(i -> ilks.putIfAbsent(i.name(), i));
        double[] mats = new double[p.mix().size()];
        boolean ok = spec.stablecoin() != null && assets.containsKey(spec.stablecoin());
        for (int e = 0; e < p.mix().size(); e++) {
            var mix = (PopulationSpec.IlkMix) p.mix().get(e);
            var ilk = ilks.get(mix.ilk());
            if (ilk == null) {
                problem(mix.path() + ".ilk", "unknown ilk '" + mix.ilk() + "' of protocol '" + spec.id() + "'");
                ok = false;
            } else if (ilk.mat() == null || ilk.rate() == null || ilk.rate().signum() <= 0
                    || !priced(ilk.collateral())) {
                ok = false;
            } else {
                mats[e] = new BigDecimal(ilk.mat()).divide(RAY).doubleValue();
            }
        }
        if (!ok) {
            return spec;
        }
        List<ProtocolSpec.CdpSystem.Vault> vaults = new ArrayList<>(spec.vaults());
        BigDecimal[] rates = new BigDecimal[p.mix().size()];
        for (int e = 0; e < rates.length; e++) {
            rates[e] = new BigDecimal(ilks.get(((PopulationSpec.IlkMix) p.mix().get(e)).ilk()).rate()).divide(RAY);
        }
        Draws d = Draws.of(p);
        int stableDecimals = assets.get(spec.stablecoin()).decimals();
        for (int k = 0; k < p.count(); k++) {
            var mix = (PopulationSpec.IlkMix) p.mix().get(d.entry()[k]);
            var ilk = ilks.get(mix.ilk());
            // Collateral over mat is what counts against the debt: the liquidation weight is 1 / mat.
            double[] usd = sides(p, d.sizeUsd()[k], d.health()[k], 1 / mats[d.entry()[k]]);
            BigDecimal rate = rates[d.entry()[k]];
            BigDecimal art = units(usd[0]).divide(rate, stableDecimals, RoundingMode.FLOOR);
            BigDecimal debt = art.multiply(rate);
            if (ilk.dust() != null && debt.compareTo(ilk.dust()) < 0) {
                problem(mix.path() + ".ilk", "vault " + (k + 1) + " of population '" + p.id() + "' owes "
                        + debt.setScale(2, RoundingMode.FLOOR).toPlainString() + ", below the ilk's dust of "
                        + ilk.dust().toPlainString() + " (Vat.frob: Vat/dust): raise the smallest size (a Pareto "
                        + "size, a lower sigma, or a larger total per position)");
                return spec;
            }
            decoding.sourceMap().put(path + ".vaults[" + vaults.size() + "]", decoding.sourceMap().locate(p.path()));
            vaults.add(new ProtocolSpec.CdpSystem.Vault(AccountId.of(p.id() + "-" + (k + 1)), ilk.name(),
                    up(usd[1], ilk.collateral()), art));
        }
        return new ProtocolSpec.CdpSystem(spec.id(), spec.chain(), spec.stablecoin(), spec.hole(), spec.ilks(), vaults);
    }

    private ProtocolSpec troves(String path, ProtocolSpec.StabilityPoolSystem spec, PopulationSpec p) {
        if (spec.mcr() == null || spec.stablecoin() == null || !assets.containsKey(spec.stablecoin())
                || !priced(spec.collateral())) {
            return spec;
        }
        double mcr = new BigDecimal(spec.mcr()).divide(WAD).doubleValue();
        List<ProtocolSpec.StabilityPoolSystem.Trove> troves = new ArrayList<>(spec.troves());
        Draws d = Draws.of(p);
        int stableDecimals = assets.get(spec.stablecoin()).decimals();
        for (int k = 0; k < p.count(); k++) {
            double[] usd = sides(p, d.sizeUsd()[k], d.health()[k], 1 / mcr);
            BigDecimal debt = units(usd[0]).setScale(stableDecimals, RoundingMode.FLOOR);
            if (spec.gasCompensation() != null && debt.compareTo(spec.gasCompensation()) <= 0) {
                problem(p.path(), "trove " + (k + 1) + " of population '" + p.id() + "' owes "
                        + debt.setScale(2, RoundingMode.FLOOR).toPlainString() + ", not more than the gas "
                        + "compensation of " + spec.gasCompensation().toPlainString() + " it includes: raise the "
                        + "smallest size");
                return spec;
            }
            decoding.sourceMap().put(path + ".troves[" + troves.size() + "]", decoding.sourceMap().locate(p.path()));
            troves.add(new ProtocolSpec.StabilityPoolSystem.Trove(AccountId.of(p.id() + "-" + (k + 1)),
                    up(usd[1], spec.collateral()), debt));
        }
        return new ProtocolSpec.StabilityPoolSystem(spec.id(), spec.chain(), spec.stablecoin(), spec.collateral(),
                spec.oracle(), spec.mcr(), spec.ccr(), spec.gasCompensation(), spec.percentDivisor(),
                spec.poolDeposits(), troves);
    }

    /**
     * An asset the snapshot defines with a usable price and decimals. A broken asset is the validator's to report,
     * so the population is skipped without a second complaint.
     */
    private boolean priced(AssetId id) {
        Asset a = id == null ? null : assets.get(id);
        return a != null && a.referencePriceUsd() > 0 && Double.isFinite(a.referencePriceUsd())
                && a.decimals() >= 0 && a.decimals() <= 36;
    }

    /** Token units worth {@code usd}, rounded up to the token's decimals: collateral never rounds to less. */
    private BigDecimal up(double usd, AssetId asset) {
        Asset a = assets.get(asset);
        return units(usd / a.referencePriceUsd()).setScale(a.decimals(), RoundingMode.CEILING);
    }

    /** Token units worth {@code usd}, rounded down: debt never rounds to more. */
    private BigDecimal down(double usd, AssetId asset) {
        Asset a = assets.get(asset);
        return units(usd / a.referencePriceUsd()).setScale(a.decimals(), RoundingMode.FLOOR);
    }

    /**
     * A double's value to 15 significant digits, the precision a double carries exactly, so that binary noise such as
     * 0.1 + 5.5e-18 does not round up to a whole extra unit; the direction of the rounding to decimals is kept.
     * Starting from the shortest decimal that reads back as the double (at most 17 digits) keeps this cheap.
     */
    private static BigDecimal units(double value) {
        return ShortestDecimal.of(value).round(SIGNIFICANT);
    }

    private static double total(List<PopulationSpec.Share> shares) {
        double sum = 0;
        for (PopulationSpec.Share s : shares) {
            sum += s.weight();
        }
        return sum;
    }

    private void problem(String path, String rule) {
        decoding.problem(decoding.sourceMap().locate(path), path, rule);
    }
}
