package dev.fracture.io;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigDecimal;

/**
 * Decodes the {@code protocols} section, field names matching the records of {@link ProtocolSpec} one to one.
 * Optional fields default to what the contracts default to (no caps, no e-mode, no isolation), and position lists
 * default to empty, so a market can be written without accounts.
 */
final class ProtocolDecoder {
    /** Liquity v1's LUSD_GAS_COMPENSATION and PERCENT_DIVISOR. */
    static final BigDecimal DEFAULT_GAS_COMPENSATION = new BigDecimal("200");
    static final long DEFAULT_PERCENT_DIVISOR = 200;

    private final SnapshotDecoder snapshot;

    ProtocolDecoder(SnapshotDecoder snapshot) {
        this.snapshot = snapshot;
    }

    ProtocolSpec protocol(Fields f) {
        String type = snapshot.type(f, Schema.PROTOCOL_TYPES, "protocol type");
        if (type == null) {
            return null;
        }
        ProtocolId id = snapshot.id(f, "id", ProtocolId::of);
        ChainId chain = snapshot.id(f, "chain", ChainId::of);
        snapshot.populations().read(f, type);
        return switch (type) {
            case Schema.POOLED_LENDING -> new ProtocolSpec.PooledLending(id, chain,
                    snapshot.required(f, "reserves", this::reserve),
                    snapshot.each(f, "eModeCategories", this::category),
                    snapshot.each(f, "accounts", this::aaveAccount));
            case Schema.ISOLATED_LENDING -> new ProtocolSpec.IsolatedLending(id, chain,
                    snapshot.required(f, "markets", this::market));
            case Schema.COMET_LENDING -> new ProtocolSpec.CometLending(id, chain,
                    snapshot.id(f, "baseAsset", AssetId::of), snapshot.id(f, "baseOracle", OracleId::of),
                    f.integer("storeFrontPriceFactor"), f.decimal("reserves"), f.decimal("targetReserves"),
                    snapshot.required(f, "assets", this::cometCollateral),
                    snapshot.each(f, "accounts", this::cometAccount));
            case Schema.CDP -> new ProtocolSpec.CdpSystem(id, chain, snapshot.id(f, "stablecoin", AssetId::of),
                    f.decimal("hole"), snapshot.required(f, "ilks", this::ilk),
                    snapshot.each(f, "vaults", this::vault));
            default -> new ProtocolSpec.StabilityPoolSystem(id, chain, snapshot.id(f, "stablecoin", AssetId::of),
                    snapshot.id(f, "collateral", AssetId::of), snapshot.id(f, "oracle", OracleId::of),
                    f.integer("mcr"), f.integer("ccr"), f.decimal("gasCompensation", DEFAULT_GAS_COMPENSATION),
                    f.longValue("percentDivisor", DEFAULT_PERCENT_DIVISOR), f.decimal("poolDeposits"),
                    snapshot.each(f, "troves", this::trove));
        };
    }

    private ProtocolSpec.Balance balance(Fields f) {
        return new ProtocolSpec.Balance(snapshot.id(f, "asset", AssetId::of), f.decimal("amount"));
    }

    private ProtocolSpec.PooledLending.Reserve reserve(Fields f) {
        return new ProtocolSpec.PooledLending.Reserve(snapshot.id(f, "asset", AssetId::of),
                snapshot.id(f, "oracle", OracleId::of), f.intValue("ltvBps"), f.intValue("liquidationThresholdBps"),
                f.intValue("liquidationBonusBps"), f.intValue("liquidationProtocolFeeBps", 0),
                f.longValue("supplyCap", 0), f.longValue("borrowCap", 0), f.longValue("debtCeiling", 0),
                f.bool("borrowableInIsolation", false), f.intValue("eModeCategory", 0));
    }

    private ProtocolSpec.PooledLending.EModeCategory category(Fields f) {
        return new ProtocolSpec.PooledLending.EModeCategory(f.intValue("id"), f.intValue("ltvBps"),
                f.intValue("liquidationThresholdBps"), f.intValue("liquidationBonusBps"));
    }

    private ProtocolSpec.PooledLending.Account aaveAccount(Fields f) {
        return new ProtocolSpec.PooledLending.Account(snapshot.id(f, "id", AccountId::of),
                f.intValue("eModeCategory", 0), snapshot.each(f, "collaterals", this::supply),
                snapshot.each(f, "debts", this::balance));
    }

    private ProtocolSpec.PooledLending.Supply supply(Fields f) {
        return new ProtocolSpec.PooledLending.Supply(snapshot.id(f, "asset", AssetId::of), f.decimal("amount"),
                f.bool("usedAsCollateral", true));
    }

    private ProtocolSpec.IsolatedLending.Market market(Fields f) {
        return new ProtocolSpec.IsolatedLending.Market(f.string("id"), snapshot.id(f, "loanAsset", AssetId::of),
                snapshot.id(f, "collateralAsset", AssetId::of), f.integer("lltv"),
                snapshot.id(f, "oracle", OracleId::of), f.decimal("totalSupply"),
                snapshot.each(f, "positions", this::position));
    }

    private ProtocolSpec.IsolatedLending.Position position(Fields f) {
        return new ProtocolSpec.IsolatedLending.Position(snapshot.id(f, "account", AccountId::of),
                f.decimal("collateral"), f.decimal("borrow"));
    }

    private ProtocolSpec.CometLending.Collateral cometCollateral(Fields f) {
        return new ProtocolSpec.CometLending.Collateral(snapshot.id(f, "asset", AssetId::of),
                snapshot.id(f, "oracle", OracleId::of), f.integer("borrowCollateralFactor"),
                f.integer("liquidateCollateralFactor"), f.integer("liquidationFactor"), f.decimal("supplyCap"));
    }

    private ProtocolSpec.CometLending.Account cometAccount(Fields f) {
        return new ProtocolSpec.CometLending.Account(snapshot.id(f, "id", AccountId::of), f.decimal("baseBalance"),
                snapshot.each(f, "collateral", this::balance));
    }

    private ProtocolSpec.CdpSystem.Ilk ilk(Fields f) {
        String name = f.string("name");
        AssetId collateral = snapshot.id(f, "collateral", AssetId::of);
        OracleId oracle = snapshot.id(f, "oracle", OracleId::of);
        var mat = f.integer("mat");
        var duty = f.integer("duty");
        var rate = f.integer("rate");
        BigDecimal dust = f.decimal("dust");
        BigDecimal line = f.decimal("line");
        BigDecimal hole = f.decimal("hole");
        var chop = f.integer("chop");
        Fields clipperFields = f.object("clipper");
        ProtocolSpec.CdpSystem.Clipper clipper = null;
        if (clipperFields != null) {
            clipper = clipper(clipperFields);
            clipperFields.rejectUnknown();
        }
        return new ProtocolSpec.CdpSystem.Ilk(name, collateral, oracle, mat, duty, rate, dust, line, hole, chop,
                clipper);
    }

    private ProtocolSpec.CdpSystem.Clipper clipper(Fields f) {
        var buf = f.integer("buf");
        long tail = f.longValue("tail");
        var cusp = f.integer("cusp");
        var chip = f.integer("chip");
        BigDecimal tip = f.decimal("tip");
        Fields calcFields = f.object("calc");
        ProtocolSpec.CdpSystem.Calc calc = calcFields == null ? null : calc(calcFields);
        return new ProtocolSpec.CdpSystem.Clipper(buf, tail, cusp, chip, tip, calc);
    }

    private ProtocolSpec.CdpSystem.Calc calc(Fields f) {
        String type = snapshot.type(f, Schema.CALC_TYPES, "price curve");
        if (type == null) {
            return null;
        }
        ProtocolSpec.CdpSystem.Calc calc = switch (type) {
            case Schema.LINEAR_DECREASE -> new ProtocolSpec.CdpSystem.LinearDecrease(f.longValue("tau"));
            case Schema.STAIRSTEP_EXPONENTIAL_DECREASE -> new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(
                    f.longValue("step"), f.integer("cut"));
            default -> new ProtocolSpec.CdpSystem.ExponentialDecrease(f.integer("cut"));
        };
        f.rejectUnknown();
        return calc;
    }

    private ProtocolSpec.CdpSystem.Vault vault(Fields f) {
        return new ProtocolSpec.CdpSystem.Vault(snapshot.id(f, "owner", AccountId::of), f.string("ilk"),
                f.decimal("ink"), f.decimal("art"));
    }

    private ProtocolSpec.StabilityPoolSystem.Trove trove(Fields f) {
        return new ProtocolSpec.StabilityPoolSystem.Trove(snapshot.id(f, "owner", AccountId::of), f.decimal("coll"),
                f.decimal("debt"));
    }
}
