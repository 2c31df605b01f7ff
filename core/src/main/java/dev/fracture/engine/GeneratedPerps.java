package dev.fracture.engine;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The perp exchange of a {@link GeneratedEcosystem}: a Hyperliquid-like exchange on the home chain, settled in its
 * USDC, with a market on ETH and, when the home chain has one, on its first other volatile token. Market rules follow
 * Hyperliquid's documentation as the bundled {@code defi-2025} snapshot does (hyperliquid.gitbook.io/hyperliquid-docs:
 * "Margin tiers" — ETH 25x, 15x above 100M USD; "Liquidations" — 20% partial liquidations above 100,000 USD, the
 * vault takes over below 2/3 of maintenance; "Funding" — hourly, 0.01% per 8 h interest, premium clamp 0.05%, cap 4%;
 * "Fees" — 0.045% taker). The token market is given tighter tiers (10x, 5x above 20M USD), as for smaller listings.
 *
 * <p>Accounts hold one position (four in five) or one in each market, long two times in three, 20% in isolated
 * margin; notional is lognormal (median $20,000, σ 1.5, capped at $20M) and leverage 1 + lognormal (median 2, σ 0.7),
 * capped at 90% of the market's first tier; entry prices lie around today's price (σ 3%). Figures are illustrative,
 * not calibrated: this is a workload, not a market.
 */
final class GeneratedPerps {
    static final ProtocolId ID = ProtocolId.of("perps-0");

    private final SplittableRandom rnd;
    private final List<AssetId> underlyings;
    private final Map<AssetId, Double> price;

    /** {@code homeVolatiles}: the home chain's volatile assets, ETH first; {@code price}: USD price of each asset. */
    GeneratedPerps(SplittableRandom rnd, List<AssetId> homeVolatiles, Map<AssetId, Double> price) {
        this.rnd = rnd;
        this.underlyings = homeVolatiles.subList(0, Math.min(2, homeVolatiles.size()));
        this.price = price;
    }

    PerpExchange exchange(ChainId chain, AssetId settlement, int accounts) {
        List<PerpExchange.PerpMarket> markets = new ArrayList<>();
        for (int m = 0; m < underlyings.size(); m++) {
            markets.add(market(m));
        }
        List<PerpExchange.PerpAccount> list = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            list.add(account(i));
        }
        return new PerpExchange(ID, chain, settlement, new BigDecimal("20000000"),
                new PerpExchange.Vault(new BigDecimal("500000000"), 1), markets, list);
    }

    private PerpExchange.PerpMarket market(int m) {
        AssetId asset = underlyings.get(m);
        List<PerpExchange.Tier> tiers = m == 0
                ? List.of(new PerpExchange.Tier(0, 25), new PerpExchange.Tier(100_000_000, 15))
                : List.of(new PerpExchange.Tier(0, 10), new PerpExchange.Tier(20_000_000, 5));
        return new PerpExchange.PerpMarket(marketId(m), asset, null, asset, tiers, 100_000, 0.2, 2.0 / 3,
                new PerpExchange.Funding(1, 8, 0.0001, 0.0005, 0.04, 20_000),
                new PerpExchange.Book(40, 1, m == 0 ? 500_000 : 100_000, 450, 0.5));
    }

    private static String marketId(int m) {
        return "M" + m;
    }

    private static double firstTierLeverage(int m) {
        return m == 0 ? 25 : 10;
    }

    private PerpExchange.PerpAccount account(int i) {
        boolean both = underlyings.size() > 1 && rnd.nextInt(5) == 0;
        int only = underlyings.size() > 1 ? rnd.nextInt(2) : 0;
        List<PerpExchange.PerpPosition> positions = new ArrayList<>();
        BigDecimal cross = BigDecimal.ZERO;
        for (int m = 0; m < underlyings.size(); m++) {
            if (!both && m != only) {
                continue;
            }
            double p = price.get(underlyings.get(m));
            double notional = Math.min(2e7, 20_000 * Math.exp(1.5 * gaussian()));
            double leverage = Math.min(0.9 * firstTierLeverage(m), 1 + 2 * Math.exp(0.7 * gaussian()));
            double entry = p * Math.exp(0.03 * gaussian());
            double size = (rnd.nextInt(3) < 2 ? 1 : -1) * notional / entry;
            BigDecimal margin = usd(notional / leverage);
            if (rnd.nextInt(5) == 0) {
                positions.add(new PerpExchange.PerpPosition(marketId(m), size, entry,
                        PerpExchange.MarginMode.ISOLATED, margin));
            } else {
                positions.add(new PerpExchange.PerpPosition(marketId(m), size, entry, PerpExchange.MarginMode.CROSS,
                        BigDecimal.ZERO));
                cross = cross.add(margin);
            }
        }
        return new PerpExchange.PerpAccount(AccountId.of(ID.value() + "-" + i), cross, positions);
    }

    private double gaussian() {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** USDC has 6 decimals. */
    private static BigDecimal usd(double x) {
        return ShortestDecimal.of(x).setScale(6, RoundingMode.DOWN);
    }
}
