package dev.fracture.model;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the derivatives protocols: a perp exchange keeps its money in an asset of its own chain and its
 * parameters within what the mechanics accept (Hyperliquid's margin tables: lower bounds ascending from 0, maximum
 * leverage at least 1 and not rising with size; a partial-liquidation fraction in (0, 1]; funding intervals and caps
 * above zero), and every position names a market the exchange lists, once per account; an options dealer's
 * volatility surface has strictly increasing pillars without calendar arbitrage, and its options positive strikes,
 * expiries and sizes.
 */
final class DerivativesRules {
    /** A book deeper than this many levels a side is a data error, not a market. */
    static final int MAX_BOOK_LEVELS = 1_000;
    static final int PIPS = 1_000_000;
    static final int BPS = 10_000;

    private final SnapshotIndex index;
    private final OracleRules oracles;
    private final ViolationSink sink;

    DerivativesRules(SnapshotIndex index, OracleRules oracles, ViolationSink sink) {
        this.index = index;
        this.oracles = oracles;
        this.sink = sink;
    }

    void perpExchange(String p, ProtocolSpec.PerpExchange spec) {
        Asset settlement = onChain(p + ".settlementAsset", spec.settlementAsset(), spec.chain());
        money(p + ".insuranceFund", spec.insuranceFund(), settlement);
        if (sink.required(p + ".vault", spec.vault())) {
            money(p + ".vault.equity", spec.vault().equity(), settlement);
            atLeastOne(p + ".vault.maxLeverage", spec.vault().maxLeverage());
        }
        Set<String> markets = new HashSet<>();
        if (list(p + ".markets", spec.markets())) {
            if (spec.markets().isEmpty()) {
                sink.add(p + ".markets", "must list at least one market");
            }
            for (int j = 0; j < spec.markets().size(); j++) {
                ProtocolSpec.PerpExchange.PerpMarket m = spec.markets().get(j);
                if (m != null) {
                    market(p + ".markets[" + j + "]", m, spec);
                    markets.add(m.id());
                }
            }
            SnapshotIndex.unique(p + ".markets", "id", "market id", spec.markets(), m -> m.id(), sink);
        }
        if (!list(p + ".accounts", spec.accounts())) {
            return;
        }
        for (int j = 0; j < spec.accounts().size(); j++) {
            ProtocolSpec.PerpExchange.PerpAccount a = spec.accounts().get(j);
            if (a != null) {
                account(p + ".accounts[" + j + "]", a, markets, settlement);
            }
        }
        SnapshotIndex.unique(p + ".accounts", "id", "account id", spec.accounts(), a -> a.id(), sink);
    }

    private void market(String m, ProtocolSpec.PerpExchange.PerpMarket market, ProtocolSpec.PerpExchange spec) {
        sink.notBlank(m + ".id", market.id());
        index.asset(m + ".asset", market.asset());
        if (market.oracle() != null) {
            oracles.pricing(m + ".oracle", market.oracle(), market.asset());
        }
        if (market.spotAsset() != null) {
            onChain(m + ".spotAsset", market.spotAsset(), spec.chain());
            if (market.spotAsset().equals(spec.settlementAsset())) {
                sink.add(m + ".spotAsset", "must differ from settlementAsset (both '" + market.spotAsset() + "')");
            }
        }
        if (list(m + ".tiers", market.tiers())) {
            tiers(m + ".tiers", market.tiers());
        }
        sink.nonNegative(m + ".partialLiquidationNotional", market.partialLiquidationNotional());
        if (!(market.partialLiquidationFraction() > 0 && market.partialLiquidationFraction() <= 1)) {
            sink.add(m + ".partialLiquidationFraction", "must be greater than 0 and at most 1 (was "
                    + ViolationSink.show(market.partialLiquidationFraction()) + ")");
        }
        sink.between(m + ".backstopFraction", market.backstopFraction(), 0.0, 1.0);
        if (sink.required(m + ".funding", market.funding())) {
            ProtocolSpec.PerpExchange.Funding f = market.funding();
            sink.positive(m + ".funding.intervalHours", f.intervalHours());
            sink.positive(m + ".funding.basisHours", f.basisHours());
            finite(m + ".funding.interestRate", f.interestRate());
            sink.nonNegative(m + ".funding.premiumClamp", f.premiumClamp());
            sink.positive(m + ".funding.capPerInterval", f.capPerInterval());
            sink.positive(m + ".funding.impactNotional", f.impactNotional());
        }
        if (sink.required(m + ".book", market.book())) {
            ProtocolSpec.PerpExchange.Book b = market.book();
            sink.between(m + ".book.levels", b.levels(), 1, MAX_BOOK_LEVELS);
            sink.positive(m + ".book.levelSpacingBps", b.levelSpacingBps());
            if (b.levels() >= 1 && b.levelSpacingBps() > 0 && b.levels() * b.levelSpacingBps() >= BPS) {
                sink.add(m + ".book.levelSpacingBps", "times levels must stay below 10000 bps, or the deepest bid "
                        + "would be at a price of zero or less (was " + b.levels() + " × "
                        + ViolationSink.show(b.levelSpacingBps()) + ")");
            }
            sink.positive(m + ".book.levelNotionalUsd", b.levelNotionalUsd());
            sink.between(m + ".book.takerFeePips", b.takerFeePips(), 0, PIPS - 1);
            sink.between(m + ".book.makerHedgeFraction", b.makerHedgeFraction(), 0.0, 1.0);
        }
    }

    private void tiers(String t, List<ProtocolSpec.PerpExchange.Tier> tiers) {
        if (tiers.isEmpty()) {
            sink.add(t, "must hold at least one tier, the first at lowerBound 0");
            return;
        }
        for (int i = 0; i < tiers.size(); i++) {
            ProtocolSpec.PerpExchange.Tier tier = tiers.get(i);
            if (tier == null) {
                continue;
            }
            String path = t + "[" + i + "]";
            sink.nonNegative(path + ".lowerBound", tier.lowerBound());
            atLeastOne(path + ".maxLeverage", tier.maxLeverage());
            if (i == 0 && tier.lowerBound() != 0) {
                sink.add(path + ".lowerBound", "the first tier must start at 0 (was "
                        + ViolationSink.show(tier.lowerBound()) + ")");
            }
            ProtocolSpec.PerpExchange.Tier before = i == 0 ? null : tiers.get(i - 1);
            if (before != null && !(tier.lowerBound() > before.lowerBound())) {
                sink.add(path + ".lowerBound", "must be above tiers[" + (i - 1) + "].lowerBound "
                        + ViolationSink.show(before.lowerBound()) + " (was " + ViolationSink.show(tier.lowerBound())
                        + ")");
            }
            if (before != null && tier.maxLeverage() > before.maxLeverage()) {
                sink.add(path + ".maxLeverage", "must not exceed tiers[" + (i - 1) + "].maxLeverage "
                        + ViolationSink.show(before.maxLeverage()) + ": leverage falls as size grows (was "
                        + ViolationSink.show(tier.maxLeverage()) + ")");
            }
        }
    }

    private void account(String a, ProtocolSpec.PerpExchange.PerpAccount account, Set<String> markets,
                         Asset settlement) {
        sink.required(a + ".id", account.id());
        if (sink.required(a + ".crossCollateral", account.crossCollateral())) {
            sink.fitsDecimals(a + ".crossCollateral", account.crossCollateral(), settlement);
        }
        if (!list(a + ".positions", account.positions())) {
            return;
        }
        for (int k = 0; k < account.positions().size(); k++) {
            ProtocolSpec.PerpExchange.PerpPosition q = account.positions().get(k);
            if (q == null) {
                continue;
            }
            String path = a + ".positions[" + k + "]";
            if (sink.required(path + ".market", q.market()) && !markets.contains(q.market())) {
                sink.add(path + ".market", "unknown market '" + q.market() + "' (the exchange lists "
                        + String.join(", ", markets.stream().sorted().toList()) + ")");
            }
            if (!Double.isFinite(q.size()) || q.size() == 0) {
                sink.add(path + ".size", "must be a finite non-zero number, positive long, negative short (was "
                        + ViolationSink.show(q.size()) + ")");
            }
            sink.positive(path + ".entryPrice", q.entryPrice());
            if (sink.required(path + ".mode", q.mode())) {
                money(path + ".isolatedMargin", q.isolatedMargin(), settlement);
                if (q.mode() == ProtocolSpec.PerpExchange.MarginMode.CROSS && q.isolatedMargin() != null
                        && q.isolatedMargin().signum() != 0) {
                    sink.add(path + ".isolatedMargin", "must be 0 for a cross position (was "
                            + q.isolatedMargin().toPlainString() + ")");
                }
            }
        }
        SnapshotIndex.unique(a + ".positions", "market", "position", account.positions(), q -> q.market(), sink);
    }

    void optionsDealer(String p, ProtocolSpec.OptionsDealer spec) {
        index.asset(p + ".underlying", spec.underlying());
        sink.between(p + ".venueShare", spec.venueShare(), 0.0, 1.0);
        boolean venues = spec.spotAsset() != null || spec.quoteAsset() != null || spec.venueShare() > 0;
        if (venues) {
            if (sink.required(p + ".spotAsset", spec.spotAsset())) {
                onChain(p + ".spotAsset", spec.spotAsset(), spec.chain());
            }
            if (sink.required(p + ".quoteAsset", spec.quoteAsset())) {
                onChain(p + ".quoteAsset", spec.quoteAsset(), spec.chain());
            }
            if (spec.spotAsset() != null && spec.spotAsset().equals(spec.quoteAsset())) {
                sink.add(p + ".quoteAsset", "must differ from spotAsset (both '" + spec.spotAsset() + "')");
            }
        }
        sink.nonNegative(p + ".hedgeBand", spec.hedgeBand());
        finite(p + ".rate", spec.rate());
        finite(p + ".yield", spec.yield());
        if (sink.required(p + ".surface", spec.surface())) {
            surface(p + ".surface", spec.surface());
        }
        if (!list(p + ".positions", spec.positions())) {
            return;
        }
        for (int j = 0; j < spec.positions().size(); j++) {
            ProtocolSpec.OptionsDealer.OptionHolding h = spec.positions().get(j);
            if (h == null) {
                continue;
            }
            String path = p + ".positions[" + j + "]";
            sink.notBlank(path + ".id", h.id());
            sink.required(path + ".type", h.type());
            sink.positive(path + ".strike", h.strike());
            sink.positive(path + ".expiryDays", h.expiryDays());
            sink.positive(path + ".size", h.size());
            sink.required(path + ".side", h.side());
        }
        SnapshotIndex.unique(p + ".positions", "id", "position id", spec.positions(), h -> h.id(), sink);
    }

    private void surface(String s, ProtocolSpec.OptionsDealer.Surface surface) {
        if (list(s + ".atm", surface.atm())) {
            if (surface.atm().isEmpty()) {
                sink.add(s + ".atm", "must hold at least one pillar");
            }
            for (int i = 0; i < surface.atm().size(); i++) {
                ProtocolSpec.OptionsDealer.AtmVol pillar = surface.atm().get(i);
                if (pillar == null) {
                    continue;
                }
                String path = s + ".atm[" + i + "]";
                sink.positive(path + ".expiryDays", pillar.expiryDays());
                sink.positive(path + ".vol", pillar.vol());
                ProtocolSpec.OptionsDealer.AtmVol before = i == 0 ? null : surface.atm().get(i - 1);
                if (before == null) {
                    continue;
                }
                if (!(pillar.expiryDays() > before.expiryDays())) {
                    sink.add(path + ".expiryDays", "must be above atm[" + (i - 1) + "].expiryDays "
                            + ViolationSink.show(before.expiryDays()) + " (was "
                            + ViolationSink.show(pillar.expiryDays()) + ")");
                } else if (pillar.vol() * pillar.vol() * pillar.expiryDays()
                        < before.vol() * before.vol() * before.expiryDays()) {
                    sink.add(path + ".vol", "gives a total variance below atm[" + (i - 1) + "]'s: a calendar "
                            + "arbitrage (vol² × expiry must not fall with expiry)");
                }
            }
        }
        finite(s + ".skew", surface.skew());
        finite(s + ".curvature", surface.curvature());
        sink.positive(s + ".floor", surface.floor());
    }

    private Asset onChain(String path, AssetId id, ChainId chain) {
        Asset asset = index.asset(path, id);
        if (asset != null && index.knowsChain(chain) && index.knowsChain(asset.chain())
                && !asset.chain().equals(chain)) {
            sink.add(path, "asset '" + id + "' is on chain '" + asset.chain() + "', not on the protocol's chain '"
                    + chain + "'");
        }
        return asset;
    }

    private void money(String path, BigDecimal value, Asset token) {
        sink.nonNegative(path, value);
        sink.fitsDecimals(path, value, token);
    }

    private void atLeastOne(String path, double value) {
        if (!Double.isFinite(value) || value < 1) {
            sink.add(path, "must be a finite number at least 1 (was " + ViolationSink.show(value) + ")");
        }
    }

    private void finite(String path, double value) {
        if (!Double.isFinite(value)) {
            sink.add(path, "must be a finite number (was " + value + ")");
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
}
