package dev.fracture.io;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec.OptionsDealer;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Decodes the {@code perp-exchange} and {@code options-dealer} protocol types, field names matching the records one
 * to one. Defaults are Hyperliquid's where the exchange documents one (docs "Liquidations": partial liquidation of 20%
 * above 100,000 USD, backstop below 2/3 of maintenance; "Funding": paid every hour on an 8-hour basis, 0.01%
 * interest, ±0.05% clamp, 4% cap an hour); the impact notional differs by market there and has no default.
 */
final class DerivativesDecoder {
    static final double DEFAULT_PARTIAL_LIQUIDATION_NOTIONAL = 100_000;
    static final double DEFAULT_PARTIAL_LIQUIDATION_FRACTION = 0.2;
    static final double DEFAULT_BACKSTOP_FRACTION = 2.0 / 3;
    static final double DEFAULT_VOL_FLOOR = 0.0001;

    private final SnapshotDecoder snapshot;

    DerivativesDecoder(SnapshotDecoder snapshot) {
        this.snapshot = snapshot;
    }

    PerpExchange perpExchange(Fields f, ProtocolId id, ChainId chain) {
        AssetId settlement = snapshot.id(f, "settlementAsset", AssetId::of);
        BigDecimal fund = f.decimal("insuranceFund", BigDecimal.ZERO);
        PerpExchange.Vault vault = null;
        Fields v = f.object("vault");
        if (v != null) {
            vault = new PerpExchange.Vault(v.decimal("equity"), v.number("maxLeverage", 1));
            v.rejectUnknown();
        }
        return new PerpExchange(id, chain, settlement, fund, vault, snapshot.required(f, "markets", this::market),
                snapshot.each(f, "accounts", this::account));
    }

    private PerpExchange.PerpMarket market(Fields f) {
        String id = f.string("id");
        AssetId asset = snapshot.id(f, "asset", AssetId::of);
        OracleId oracle = f.has("oracle") ? snapshot.id(f, "oracle", OracleId::of) : null;
        AssetId spot = f.has("spotAsset") ? snapshot.id(f, "spotAsset", AssetId::of) : null;
        var tiers = snapshot.required(f, "tiers", t -> new PerpExchange.Tier(t.number("lowerBound"),
                t.number("maxLeverage")));
        double partialNotional = f.number("partialLiquidationNotional", DEFAULT_PARTIAL_LIQUIDATION_NOTIONAL);
        double partialFraction = f.number("partialLiquidationFraction", DEFAULT_PARTIAL_LIQUIDATION_FRACTION);
        double backstop = f.number("backstopFraction", DEFAULT_BACKSTOP_FRACTION);
        PerpExchange.Funding funding = null;
        Fields fu = f.object("funding");
        if (fu != null) {
            funding = new PerpExchange.Funding(fu.number("intervalHours", 1), fu.number("basisHours", 8),
                    fu.number("interestRate", 0.0001), fu.number("premiumClamp", 0.0005),
                    fu.number("capPerInterval", 0.04), fu.number("impactNotional"));
            fu.rejectUnknown();
        }
        PerpExchange.Book book = null;
        Fields b = f.object("book");
        if (b != null) {
            book = new PerpExchange.Book(b.intValue("levels"), b.number("levelSpacingBps"),
                    b.number("levelNotionalUsd"), b.intValue("takerFeePips"), b.number("makerHedgeFraction", 0));
            b.rejectUnknown();
        }
        return new PerpExchange.PerpMarket(id, asset, oracle, spot, tiers, partialNotional, partialFraction, backstop,
                funding, book);
    }

    private PerpExchange.PerpAccount account(Fields f) {
        return new PerpExchange.PerpAccount(snapshot.id(f, "id", AccountId::of), f.decimal("crossCollateral"),
                snapshot.each(f, "positions", this::position));
    }

    private PerpExchange.PerpPosition position(Fields f) {
        String mode = snapshot.choice(f, "mode", Schema.MARGIN_MODES, "margin mode", "cross");
        return new PerpExchange.PerpPosition(f.string("market"), f.number("size"), f.number("entryPrice"),
                mode == null ? null : PerpExchange.MarginMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                f.decimal("isolatedMargin", BigDecimal.ZERO));
    }

    OptionsDealer optionsDealer(Fields f, ProtocolId id, ChainId chain) {
        AssetId underlying = snapshot.id(f, "underlying", AssetId::of);
        AssetId spot = f.has("spotAsset") ? snapshot.id(f, "spotAsset", AssetId::of) : null;
        AssetId quote = f.has("quoteAsset") ? snapshot.id(f, "quoteAsset", AssetId::of) : null;
        double venueShare = f.number("venueShare", 0);
        double band = f.number("hedgeBand", 0);
        double rate = f.number("rate", 0);
        double yield = f.number("yield", 0);
        OptionsDealer.Surface surface = null;
        Fields s = f.object("surface");
        if (s != null) {
            surface = new OptionsDealer.Surface(snapshot.required(s, "atm", a -> new OptionsDealer.AtmVol(
                    a.number("expiryDays"), a.number("vol"))), s.number("skew", 0), s.number("curvature", 0),
                    s.number("floor", DEFAULT_VOL_FLOOR));
            s.rejectUnknown();
        }
        return new OptionsDealer(id, chain, underlying, spot, quote, venueShare, band, rate, yield, surface,
                snapshot.each(f, "positions", this::holding));
    }

    private OptionsDealer.OptionHolding holding(Fields f) {
        String id = f.string("id");
        String type = snapshot.choice(f, "type", Schema.OPTION_TYPES, "option type", null);
        double strike = f.number("strike");
        double expiry = f.number("expiryDays");
        double size = f.number("size");
        String side = snapshot.choice(f, "side", Schema.OPTION_SIDES, "option side", null);
        return new OptionsDealer.OptionHolding(id,
                type == null ? null : OptionsDealer.OptionKind.valueOf(type.toUpperCase(Locale.ROOT)), strike,
                expiry, size, side == null ? null : OptionsDealer.Side.valueOf(side.toUpperCase(Locale.ROOT)));
    }
}
