package dev.fracture.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes the {@code oracles} and {@code protocols} sections for {@link SnapshotWriter}, every field in record order,
 * defaults included. WAD and RAY parameters are strings, as the writer's other big integers, so that no JSON tool
 * reads them through a double.
 */
final class ProtocolWriter {
    private final JsonGenerator g;

    ProtocolWriter(JsonGenerator g) {
        this.g = g;
    }

    void oracle(OracleSpec o) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", Schema.oracleType(o));
        g.writeStringField("id", o.id().value());
        if (o instanceof OracleSpec.Push push) {
            g.writeStringField("asset", push.asset().value());
            g.writeStringField("quote", push.quote());
            g.writeNumberField("heartbeatSeconds", push.heartbeatSeconds());
            g.writeNumberField("deviationBps", push.deviationBps());
            g.writeNumberField("decimals", push.decimals());
            g.writeNumberField("delaySeconds", push.delaySeconds());
        } else if (o instanceof OracleSpec.Twap twap) {
            g.writeStringField("asset", twap.asset().value());
            g.writeStringField("venue", twap.venue().value());
            g.writeNumberField("windowSeconds", twap.windowSeconds());
        } else if (o instanceof OracleSpec.Delayed delayed) {
            g.writeStringField("source", delayed.source().value());
            g.writeNumberField("hopSeconds", delayed.hopSeconds());
        } else if (o instanceof OracleSpec.Fallback f) {
            g.writeStringField("primary", f.primary().value());
            g.writeStringField("fallback", f.fallback().value());
            g.writeNumberField("primaryMaxAgeSeconds", f.primaryMaxAgeSeconds());
            g.writeNumberField("fallbackMaxAgeSeconds", f.fallbackMaxAgeSeconds());
            SnapshotWriter.number(g, "maxRoundChange", f.maxRoundChange());
            SnapshotWriter.number(g, "maxSourceDifference", f.maxSourceDifference());
        }
        g.writeEndObject();
    }

    void protocol(ProtocolSpec p) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", Schema.protocolType(p));
        g.writeStringField("id", p.id().value());
        g.writeStringField("chain", p.chain().value());
        if (p instanceof ProtocolSpec.PooledLending pooled) {
            pooled(pooled);
        } else if (p instanceof ProtocolSpec.IsolatedLending isolated) {
            g.writeArrayFieldStart("markets");
            for (ProtocolSpec.IsolatedLending.Market m : isolated.markets()) {
                market(m);
            }
            g.writeEndArray();
        } else if (p instanceof ProtocolSpec.CometLending comet) {
            comet(comet);
        } else if (p instanceof ProtocolSpec.CdpSystem cdp) {
            cdp(cdp);
        } else if (p instanceof ProtocolSpec.StabilityPoolSystem pool) {
            stabilityPool(pool);
        } else if (p instanceof ProtocolSpec.PerpExchange perp) {
            new DerivativesWriter(g).perpExchange(perp);
        } else if (p instanceof ProtocolSpec.OptionsDealer dealer) {
            new DerivativesWriter(g).optionsDealer(dealer);
        }
        g.writeEndObject();
    }

    private void pooled(ProtocolSpec.PooledLending p) throws IOException {
        g.writeArrayFieldStart("reserves");
        for (ProtocolSpec.PooledLending.Reserve r : p.reserves()) {
            g.writeStartObject();
            g.writeStringField("asset", r.asset().value());
            g.writeStringField("oracle", r.oracle().value());
            g.writeNumberField("ltvBps", r.ltvBps());
            g.writeNumberField("liquidationThresholdBps", r.liquidationThresholdBps());
            g.writeNumberField("liquidationBonusBps", r.liquidationBonusBps());
            g.writeNumberField("liquidationProtocolFeeBps", r.liquidationProtocolFeeBps());
            g.writeNumberField("supplyCap", r.supplyCap());
            g.writeNumberField("borrowCap", r.borrowCap());
            g.writeNumberField("debtCeiling", r.debtCeiling());
            g.writeBooleanField("borrowableInIsolation", r.borrowableInIsolation());
            g.writeNumberField("eModeCategory", r.eModeCategory());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("eModeCategories");
        for (ProtocolSpec.PooledLending.EModeCategory c : p.eModeCategories()) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeNumberField("ltvBps", c.ltvBps());
            g.writeNumberField("liquidationThresholdBps", c.liquidationThresholdBps());
            g.writeNumberField("liquidationBonusBps", c.liquidationBonusBps());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("accounts");
        for (ProtocolSpec.PooledLending.Account a : p.accounts()) {
            g.writeStartObject();
            g.writeStringField("id", a.id().value());
            g.writeNumberField("eModeCategory", a.eModeCategory());
            g.writeArrayFieldStart("collaterals");
            for (ProtocolSpec.PooledLending.Supply s : a.collaterals()) {
                g.writeStartObject();
                g.writeStringField("asset", s.asset().value());
                decimal("amount", s.amount());
                g.writeBooleanField("usedAsCollateral", s.usedAsCollateral());
                g.writeEndObject();
            }
            g.writeEndArray();
            balances("debts", a.debts());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void balances(String name, List<ProtocolSpec.Balance> balances) throws IOException {
        g.writeArrayFieldStart(name);
        for (ProtocolSpec.Balance b : balances) {
            g.writeStartObject();
            g.writeStringField("asset", b.asset().value());
            decimal("amount", b.amount());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void market(ProtocolSpec.IsolatedLending.Market m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("loanAsset", m.loanAsset().value());
        g.writeStringField("collateralAsset", m.collateralAsset().value());
        big("lltv", m.lltv());
        g.writeStringField("oracle", m.oracle().value());
        decimal("totalSupply", m.totalSupply());
        g.writeArrayFieldStart("positions");
        for (ProtocolSpec.IsolatedLending.Position q : m.positions()) {
            g.writeStartObject();
            g.writeStringField("account", q.account().value());
            decimal("collateral", q.collateral());
            decimal("borrow", q.borrow());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void comet(ProtocolSpec.CometLending c) throws IOException {
        g.writeStringField("baseAsset", c.baseAsset().value());
        g.writeStringField("baseOracle", c.baseOracle().value());
        big("storeFrontPriceFactor", c.storeFrontPriceFactor());
        decimal("reserves", c.reserves());
        decimal("targetReserves", c.targetReserves());
        g.writeArrayFieldStart("assets");
        for (ProtocolSpec.CometLending.Collateral a : c.assets()) {
            g.writeStartObject();
            g.writeStringField("asset", a.asset().value());
            g.writeStringField("oracle", a.oracle().value());
            big("borrowCollateralFactor", a.borrowCollateralFactor());
            big("liquidateCollateralFactor", a.liquidateCollateralFactor());
            big("liquidationFactor", a.liquidationFactor());
            decimal("supplyCap", a.supplyCap());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("accounts");
        for (ProtocolSpec.CometLending.Account a : c.accounts()) {
            g.writeStartObject();
            g.writeStringField("id", a.id().value());
            decimal("baseBalance", a.baseBalance());
            balances("collateral", a.collateral());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void cdp(ProtocolSpec.CdpSystem c) throws IOException {
        g.writeStringField("stablecoin", c.stablecoin().value());
        decimal("hole", c.hole());
        g.writeArrayFieldStart("ilks");
        for (ProtocolSpec.CdpSystem.Ilk ilk : c.ilks()) {
            g.writeStartObject();
            g.writeStringField("name", ilk.name());
            g.writeStringField("collateral", ilk.collateral().value());
            g.writeStringField("oracle", ilk.oracle().value());
            big("mat", ilk.mat());
            big("duty", ilk.duty());
            big("rate", ilk.rate());
            decimal("dust", ilk.dust());
            decimal("line", ilk.line());
            decimal("hole", ilk.hole());
            big("chop", ilk.chop());
            if (ilk.clipper() != null) {
                clipper(ilk.clipper());
            }
            if (ilk.flipper() != null) {
                flipper(ilk.flipper());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("vaults");
        for (ProtocolSpec.CdpSystem.Vault v : c.vaults()) {
            g.writeStartObject();
            g.writeStringField("owner", v.owner().value());
            g.writeStringField("ilk", v.ilk());
            decimal("ink", v.ink());
            decimal("art", v.art());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void flipper(ProtocolSpec.CdpSystem.Flipper f) throws IOException {
        g.writeObjectFieldStart("flipper");
        big("beg", f.beg());
        g.writeNumberField("ttl", f.ttl());
        g.writeNumberField("tau", f.tau());
        decimal("lump", f.lump());
        g.writeEndObject();
    }

    private void clipper(ProtocolSpec.CdpSystem.Clipper c) throws IOException {
        g.writeObjectFieldStart("clipper");
        big("buf", c.buf());
        g.writeNumberField("tail", c.tail());
        big("cusp", c.cusp());
        big("chip", c.chip());
        decimal("tip", c.tip());
        g.writeObjectFieldStart("calc");
        g.writeStringField("type", Schema.calcType(c.calc()));
        if (c.calc() instanceof ProtocolSpec.CdpSystem.LinearDecrease linear) {
            g.writeNumberField("tau", linear.tau());
        } else if (c.calc() instanceof ProtocolSpec.CdpSystem.StairstepExponentialDecrease stair) {
            g.writeNumberField("step", stair.step());
            big("cut", stair.cut());
        } else if (c.calc() instanceof ProtocolSpec.CdpSystem.ExponentialDecrease exp) {
            big("cut", exp.cut());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void stabilityPool(ProtocolSpec.StabilityPoolSystem s) throws IOException {
        g.writeStringField("stablecoin", s.stablecoin().value());
        g.writeStringField("collateral", s.collateral().value());
        g.writeStringField("oracle", s.oracle().value());
        big("mcr", s.mcr());
        big("ccr", s.ccr());
        decimal("gasCompensation", s.gasCompensation());
        g.writeNumberField("percentDivisor", s.percentDivisor());
        decimal("poolDeposits", s.poolDeposits());
        g.writeArrayFieldStart("troves");
        for (ProtocolSpec.StabilityPoolSystem.Trove t : s.troves()) {
            g.writeStartObject();
            g.writeStringField("owner", t.owner().value());
            decimal("coll", t.coll());
            decimal("debt", t.debt());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void decimal(String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private void big(String name, BigInteger value) throws IOException {
        g.writeStringField(name, value.toString());
    }
}
