package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic ecosystems of a chosen size, for the engine's equality tests and its benchmarks: the same size
 * and seed give the same ecosystem, bit for bit.
 *
 * <p>Shape: chain 0 is the home chain (12 s blocks) holding ETH, USDC, USDT and volatile tokens; every other chain
 * (2 s blocks) has its native gas asset and ETH and USDC bridged from home, and its share of the remaining tokens.
 * Every non-stable asset trades against its chain's USDC on venues of every kind in turn (constant product,
 * concentrated liquidity, order book); home has a USDC/USDT StableSwap. Every asset has a push feed. Lending protocols
 * are Aave-style pools and Morpho-style isolated markets spread over the chains; accounts borrow stablecoins against
 * one or two volatile collaterals at a health factor drawn as 1.02 + lognormal, so a fall of the collateral crosses
 * them at every depth. Liquidators mix flash-loan bots and capital-holding ones with different fees and latencies.
 * With perp accounts, a perp exchange on the home chain trades ETH and one home token ({@link GeneratedPerps}).
 * Figures are illustrative, not calibrated: this is a workload, not a market.
 */
public final class GeneratedEcosystem {
    public static final AssetId ETH = AssetId.of("ETH");
    public static final AssetId USDC = AssetId.of("USDC");
    public static final AssetId USDT = AssetId.of("USDT");
    private static final ChainId HOME = ChainId.of("chain-0");

    private GeneratedEcosystem() {
    }

    /**
     * How big an ecosystem to make. {@code assets} counts every asset on every chain; {@code accounts} are lending
     * accounts; {@code perpAccounts} trade on one perp exchange of the home chain (none: no exchange).
     */
    public record Size(int chains, int assets, int venues, int protocols, int accounts, int liquidators,
                       int perpAccounts) {
        public Size {
            if (chains < 1 || protocols < 1 || accounts < 0 || liquidators < 0 || venues < 1 || perpAccounts < 0) {
                throw new IllegalArgumentException("generated ecosystem: need chains, venues and protocols >= 1 and "
                        + "accounts, liquidators, perpAccounts >= 0 (was " + this + ")");
            }
            if (assets < 3 * chains + 1) {
                throw new IllegalArgumentException("generated ecosystem: assets must be at least 3 per chain + 1 ("
                        + (3 * chains + 1) + ") for " + chains + " chains (was " + assets + ")");
            }
        }

        /** A small ecosystem for seeded equality tests. */
        public static Size small() {
            return new Size(2, 9, 8, 3, 60, 4, 8);
        }

        /**
         * The benchmark size (issue 5): 1,000,000 lending accounts over 8 protocols and 4 chains, 40 assets,
         * 120 venues, 200 liquidators and 50,000 perp accounts.
         */
        public static Size benchmark() {
            return new Size(4, 40, 120, 8, 1_000_000, 200, 50_000);
        }

        /** This size with {@code accounts} lending accounts and {@code perpAccounts} perp accounts instead. */
        public Size withAccounts(int accounts, int perpAccounts) {
            return new Size(chains, assets, venues, protocols, accounts, liquidators, perpAccounts);
        }
    }

    /** The snapshot and what a run needs beside it. */
    public record Generated(EcosystemSnapshot snapshot, List<LiquidatorProfile> liquidators,
                            Map<AssetId, SquareRootImpact> impact) {
    }

    public static Generated of(Size size, long seed) {
        return new Builder(size, new SplittableRandom(seed)).build();
    }

    private static final class Builder {
        private final Size size;
        private final SplittableRandom rnd;
        private final List<Chain> chains = new ArrayList<>();
        private final List<Asset> assets = new ArrayList<>();
        private final List<Bridge> bridges = new ArrayList<>();
        private final List<VenueSpec> venues = new ArrayList<>();
        private final List<OracleSpec> oracles = new ArrayList<>();
        private final List<ProtocolSpec> protocols = new ArrayList<>();
        /** Per chain: the volatile assets (collateral candidates) and the chain's USDC. */
        private final List<List<AssetId>> volatiles = new ArrayList<>();
        private final List<AssetId> usdcOf = new ArrayList<>();
        private final Map<AssetId, Double> price = new HashMap<>();
        private final Map<AssetId, Integer> decimals = new HashMap<>();

        Builder(Size size, SplittableRandom rnd) {
            this.size = size;
            this.rnd = rnd;
        }

        Generated build() {
            chainsAndAssets();
            assets.forEach(a -> oracles.add(new OracleSpec.Push(oracle(a.id()), a.id(), "USD",
                    a.kind() instanceof AssetKind.Stablecoin || a.kind() instanceof AssetKind.Bridged b
                            && b.origin().equals(USDC) ? 86_400 : 3600,
                    a.kind() instanceof AssetKind.Stablecoin ? 25 : 50, 8, 0)));
            venues();
            lending();
            if (size.perpAccounts() > 0) {
                protocols.add(new GeneratedPerps(rnd.split(), volatiles.get(0), price).exchange(HOME, USDC,
                        size.perpAccounts()));
            }
            Map<AssetId, SquareRootImpact> impact = new LinkedHashMap<>();
            for (Asset a : assets) {
                if (!(a.kind() instanceof AssetKind.Stablecoin) && !(a.kind() instanceof AssetKind.Bridged)) {
                    // Y ≈ 1 (Tóth et al. 2011), daily volume ~ 2% of an illustrative float, 4% daily volatility.
                    impact.put(a.id(), new SquareRootImpact(1.0, 2e8 + rnd.nextDouble() * 8e8, 0.04));
                }
            }
            EcosystemSnapshot snapshot = new EcosystemSnapshot("generated-" + size.accounts(),
                    Instant.parse("2025-01-01T00:00:00Z"), chains, assets, bridges, venues, oracles, protocols);
            return new Generated(snapshot, liquidators(), impact);
        }

        private void chainsAndAssets() {
            int tokens = size.assets() - 3 * size.chains() - 1;
            for (int c = 0; c < size.chains(); c++) {
                ChainId id = chainId(c);
                List<AssetId> vol = new ArrayList<>();
                if (c == 0) {
                    chains.add(new Chain(id, "Chain 0", 12, ETH, new GasPriceModel(20, 1, 0.125)));
                    add(new Asset(ETH, id, "ETH", 18, new AssetKind.Native(), 2000));
                    add(new Asset(USDC, id, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
                    add(new Asset(USDT, id, "USDT", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1));
                    vol.add(ETH);
                    usdcOf.add(USDC);
                } else {
                    AssetId gas = AssetId.of("GAS-" + c);
                    chains.add(new Chain(id, "Chain " + c, 2, gas, new GasPriceModel(0.05, 1, 0.125)));
                    BridgeId bridge = BridgeId.of("bridge-" + c);
                    bridges.add(new Bridge(bridge, HOME, id, 600 + 120 * c, 50_000_000, 5, BridgeStatus.OPEN));
                    add(new Asset(gas, id, "ETH", 18, new AssetKind.Native(), 2000));
                    AssetId weth = AssetId.of("WETH-" + c);
                    AssetId usdc = AssetId.of("USDC-" + c);
                    add(new Asset(weth, id, "WETH", 18, new AssetKind.Bridged(ETH, bridge, BigDecimal.ONE), 2000));
                    add(new Asset(usdc, id, "USDC", 6, new AssetKind.Bridged(USDC, bridge, BigDecimal.ONE), 1));
                    vol.add(weth);
                    usdcOf.add(usdc);
                }
                volatiles.add(vol);
            }
            for (int k = 0; k < tokens; k++) {
                int c = k % size.chains();
                AssetId id = AssetId.of("TKN-" + k);
                double p = Math.exp(rnd.nextDouble() * 8 - 2);
                add(new Asset(id, chainId(c), "TKN" + k, 18, new AssetKind.Token(), round(p, 4).doubleValue()));
                volatiles.get(c).add(id);
            }
        }

        private void add(Asset a) {
            assets.add(a);
            price.put(a.id(), a.referencePriceUsd());
            decimals.put(a.id(), a.decimals());
        }

        private void venues() {
            venues.add(new VenueSpec.StableSwap(VenueId.of("stable-0"), HOME, List.of(USDC, USDT),
                    List.of(new BigDecimal("200000000"), new BigDecimal("200000000")), 2000, 4_000_000));
            List<AssetId[]> pairs = new ArrayList<>();
            for (int c = 0; c < size.chains(); c++) {
                for (AssetId a : volatiles.get(c)) {
                    pairs.add(new AssetId[] {a, usdcOf.get(c)});
                }
            }
            for (int v = 0; v < size.venues() - 1; v++) {
                AssetId[] pair = pairs.get(v % pairs.size());
                AssetId token = pair[0];
                AssetId usd = pair[1];
                ChainId chain = chainOf(token);
                double p = price.get(token) * (1 + 0.002 * (rnd.nextDouble() - 0.5));
                double depthUsd = (token.equals(ETH) ? 4e7 : 5e6) * (0.5 + rnd.nextDouble());
                double reserve = depthUsd / p;
                VenueId id = VenueId.of("venue-" + v);
                switch (v / pairs.size() % 3) {
                    case 0 -> venues.add(new VenueSpec.ConstantProduct(id, chain, token, usd, round(reserve, 6),
                            round(reserve * p, 6), 3000));
                    case 1 -> venues.add(concentrated(id, chain, token, usd, p, reserve));
                    default -> venues.add(book(id, chain, token, usd, p, reserve));
                }
            }
        }

        private ChainId chainOf(AssetId a) {
            return assets.stream().filter(x -> x.id().equals(a)).findFirst().orElseThrow().chain();
        }

        /** A v3 pool of an 18-decimal token (token0) against 6-decimal USDC: five positions of growing width. */
        private VenueSpec concentrated(VenueId id, ChainId chain, AssetId token, AssetId usd, double p,
                                       double reserve) {
            int spacing = 10;
            double rawPrice = p * 1e6 / 1e18;
            BigInteger sqrtPriceX96 = new BigDecimal(rawPrice).sqrt(MathContext.DECIMAL128)
                    .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(96))).toBigInteger();
            int tick = (int) Math.floor(Math.log(rawPrice) / Math.log(1.0001));
            int base = Math.floorDiv(tick, spacing) * spacing;
            double v2Liquidity = Math.sqrt(reserve * 1e18 * reserve * p * 1e6);
            List<VenueSpec.LiquidityPosition> positions = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                int half = spacing * (int) Math.pow(3, k);
                double share = v2Liquidity * (0.5 / k) * (0.8 + 0.4 * rnd.nextDouble());
                positions.add(new VenueSpec.LiquidityPosition(base - half, base + half,
                        ShortestDecimal.of(share).toBigInteger()));
            }
            return new VenueSpec.ConcentratedLiquidity(id, chain, token, usd, 3000, spacing, sqrtPriceX96, positions);
        }

        /** An order book of 50 levels a side, 10 bps apart, sizes growing away from the touch. */
        private VenueSpec book(VenueId id, ChainId chain, AssetId token, AssetId usd, double p, double reserve) {
            List<VenueSpec.BookLevel> bids = new ArrayList<>();
            List<VenueSpec.BookLevel> asks = new ArrayList<>();
            int priceScale = Math.max(2, 6 - (int) Math.floor(Math.log10(p)));
            for (int i = 0; i < 50; i++) {
                double sizeAt = reserve / 400 * (1 + i * 0.1) * (0.5 + rnd.nextDouble());
                bids.add(new VenueSpec.BookLevel(round(p * (1 - 0.0005 - 0.001 * i), priceScale), round(sizeAt, 6)));
                asks.add(new VenueSpec.BookLevel(round(p * (1 + 0.0005 + 0.001 * i), priceScale), round(sizeAt, 6)));
            }
            return new VenueSpec.OrderBook(id, chain, token, usd, bids, asks, 200);
        }

        private void lending() {
            int perProtocol = size.accounts() / size.protocols();
            int extra = size.accounts() % size.protocols();
            for (int k = 0; k < size.protocols(); k++) {
                int c = k % size.chains();
                int n = perProtocol + (k < extra ? 1 : 0);
                ProtocolId id = ProtocolId.of((k % 3 == 2 ? "isolated-" : "pool-") + k);
                protocols.add(k % 3 == 2 ? isolated(id, c, n) : pooled(id, c, n));
            }
        }

        private ProtocolSpec pooled(ProtocolId id, int c, int n) {
            List<AssetId> collaterals = volatiles.get(c);
            AssetId usd = usdcOf.get(c);
            List<ProtocolSpec.PooledLending.Reserve> reserves = new ArrayList<>();
            Map<AssetId, int[]> params = new LinkedHashMap<>();
            for (AssetId a : collaterals) {
                int ltv = 6500 + 100 * rnd.nextInt(16);
                int lt = ltv + 300 + 100 * rnd.nextInt(3);
                int bonus = 10400 + 100 * rnd.nextInt(5);
                params.put(a, new int[] {lt});
                reserves.add(new ProtocolSpec.PooledLending.Reserve(a, oracle(a), ltv, lt, bonus, 1000, 0, 0, 0,
                        false, 0));
            }
            reserves.add(new ProtocolSpec.PooledLending.Reserve(usd, oracle(usd), 7500, 7800, 10450, 1000, 0, 0, 0,
                    true, 0));
            List<ProtocolSpec.PooledLending.Account> accounts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int kinds = collaterals.size() > 1 && rnd.nextInt(4) == 0 ? 2 : 1;
                List<ProtocolSpec.PooledLending.Supply> supplies = new ArrayList<>(kinds);
                double thresholdUsd = 0;
                AssetId first = pick(collaterals);
                for (int j = 0; j < kinds; j++) {
                    AssetId a = j == 0 ? first : other(collaterals, first);
                    double usdValue = accountSizeUsd();
                    BigDecimal amount = round(usdValue / price.get(a), 8);
                    supplies.add(new ProtocolSpec.PooledLending.Supply(a, amount, true));
                    thresholdUsd += amount.doubleValue() * price.get(a) * params.get(a)[0] / 10_000.0;
                }
                double debtUsd = thresholdUsd / healthFactor();
                accounts.add(new ProtocolSpec.PooledLending.Account(AccountId.of(id.value() + "-" + i), 0, supplies,
                        List.of(new ProtocolSpec.Balance(usd, round(debtUsd, 6)))));
            }
            return new ProtocolSpec.PooledLending(id, chainId(c), reserves, List.of(), accounts);
        }

        private ProtocolSpec isolated(ProtocolId id, int c, int n) {
            List<AssetId> collaterals = volatiles.get(c);
            AssetId usd = usdcOf.get(c);
            List<List<ProtocolSpec.IsolatedLending.Position>> positions = new ArrayList<>();
            List<BigInteger> lltvs = new ArrayList<>();
            for (int m = 0; m < collaterals.size(); m++) {
                positions.add(new ArrayList<>());
                lltvs.add(new BigInteger(new String[] {"770000000000000000", "860000000000000000",
                        "915000000000000000"}[rnd.nextInt(3)]));
            }
            for (int i = 0; i < n; i++) {
                int m = rnd.nextInt(collaterals.size());
                AssetId a = collaterals.get(m);
                double usdValue = accountSizeUsd();
                BigDecimal collateral = round(usdValue / price.get(a), 8);
                double lltv = lltvs.get(m).doubleValue() / 1e18;
                double borrow = collateral.doubleValue() * price.get(a) * lltv / healthFactor();
                positions.get(m).add(new ProtocolSpec.IsolatedLending.Position(AccountId.of(id.value() + "-" + i),
                        collateral, round(borrow, 6)));
            }
            List<ProtocolSpec.IsolatedLending.Market> markets = new ArrayList<>();
            for (int m = 0; m < collaterals.size(); m++) {
                double borrowed = positions.get(m).stream().mapToDouble(p -> p.borrow().doubleValue()).sum();
                markets.add(new ProtocolSpec.IsolatedLending.Market("market-" + m, usd, collaterals.get(m),
                        lltvs.get(m), oracle(collaterals.get(m)), round(borrowed * 1.25 + 1, 6), positions.get(m)));
            }
            return new ProtocolSpec.IsolatedLending(id, chainId(c), markets);
        }

        /** Heavy-tailed position sizes: lognormal with median $8,000 and σ = 1.6, capped at $50M. */
        private double accountSizeUsd() {
            return Math.min(5e7, 8000 * Math.exp(1.6 * gaussian()));
        }

        /** Health factors pile up just above 1 and thin out: 1.02 + lognormal(median 0.4, σ 0.8). */
        private double healthFactor() {
            return 1.02 + 0.4 * Math.exp(0.8 * gaussian());
        }

        private double gaussian() {
            double u = 1 - rnd.nextDouble();
            double v = rnd.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private AssetId pick(List<AssetId> list) {
            // ETH-like assets (the first of each chain) back half of the accounts.
            return rnd.nextBoolean() ? list.get(0) : list.get(rnd.nextInt(list.size()));
        }

        private AssetId other(List<AssetId> list, AssetId not) {
            AssetId a = list.get(rnd.nextInt(list.size()));
            return a.equals(not) ? list.get((list.indexOf(a) + 1) % list.size()) : a;
        }

        private List<LiquidatorProfile> liquidators() {
            List<LiquidatorProfile> out = new ArrayList<>();
            for (int i = 0; i < size.liquidators(); i++) {
                boolean flash = i % 2 == 0;
                Map<ChainId, Map<AssetId, Double>> capital = new LinkedHashMap<>();
                if (!flash) {
                    for (int c = 0; c < size.chains(); c++) {
                        capital.put(chainId(c), Map.of(usdcOf.get(c), 2e5 + rnd.nextDouble() * 5e6));
                    }
                }
                out.add(new LiquidatorProfile("liquidator-" + i, capital, flash, 1 + rnd.nextInt(50),
                        0.5 + rnd.nextDouble() * 5, 5 + rnd.nextDouble() * 100, rnd.nextInt(3),
                        0.5 + rnd.nextDouble() * 0.5, flash ? 0 : 1e6));
            }
            return out;
        }

        private static ChainId chainId(int c) {
            return ChainId.of("chain-" + c);
        }

        private static OracleId oracle(AssetId a) {
            return OracleId.of(a.value().toLowerCase() + "-usd");
        }

        private static BigDecimal round(double x, int scale) {
            return ShortestDecimal.of(x).setScale(scale, RoundingMode.DOWN);
        }
    }
}
