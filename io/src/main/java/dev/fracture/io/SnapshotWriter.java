package dev.fracture.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.Chain;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.model.SnapshotValidator;
import dev.fracture.model.VenueSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a snapshot in the schema {@link SnapshotReader} reads; reading the output back gives an equal snapshot.
 * Every field is written, defaults included, in a fixed order. Decimal amounts are plain numbers (never
 * exponent notation); the 160- and 128-bit integers of concentrated liquidity are strings, because many JSON
 * tools read numbers as doubles and would round them.
 */
public final class SnapshotWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final JsonFactory YAML = YAMLFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private SnapshotWriter() {
    }

    public static String write(EcosystemSnapshot snapshot, Format format) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = (format == Format.JSON ? JSON : YAML).createGenerator(out)) {
            if (format == Format.JSON) {
                g.useDefaultPrettyPrinter();
            }
            snapshot(g, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return format == Format.JSON ? out + "\n" : out.toString();
    }

    /** Writes to a file in the format its extension names. */
    public static void write(EcosystemSnapshot snapshot, Path file) throws IOException {
        Files.writeString(file, write(snapshot, Format.of(file)), StandardCharsets.UTF_8);
    }

    private static void snapshot(JsonGenerator g, EcosystemSnapshot s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("asOf", s.asOf().toString());
        g.writeArrayFieldStart("chains");
        for (Chain c : s.chains()) {
            chain(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("assets");
        for (Asset a : s.assets()) {
            asset(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bridges");
        for (Bridge b : s.bridges()) {
            bridge(g, b);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("venues");
        for (VenueSpec v : s.venues()) {
            venue(g, v);
        }
        g.writeEndArray();
        ProtocolWriter protocols = new ProtocolWriter(g);
        g.writeArrayFieldStart("oracles");
        for (OracleSpec o : s.oracles()) {
            protocols.oracle(o);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("protocols");
        for (ProtocolSpec p : s.protocols()) {
            protocols.protocol(p);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void chain(JsonGenerator g, Chain c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id().value());
        g.writeStringField("name", c.name());
        number(g, "blockTimeSeconds", c.blockTimeSeconds());
        g.writeStringField("nativeAsset", c.nativeAsset().value());
        g.writeObjectFieldStart("gas");
        number(g, "baseFeeGwei", c.gas().baseFeeGwei());
        number(g, "priorityFeeGwei", c.gas().priorityFeeGwei());
        number(g, "maxBaseFeeChangePerBlock", c.gas().maxBaseFeeChangePerBlock());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void asset(JsonGenerator g, Asset a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id().value());
        g.writeStringField("chain", a.chain().value());
        g.writeStringField("symbol", a.symbol());
        g.writeNumberField("decimals", a.decimals());
        number(g, "referencePriceUsd", a.referencePriceUsd());
        g.writeObjectFieldStart("kind");
        g.writeStringField("type", SnapshotValidator.kindName(a.kind()));
        AssetKind kind = a.kind();
        if (kind instanceof AssetKind.Stablecoin s) {
            g.writeStringField("peg", s.peg());
            decimal(g, "pegPrice", s.pegPrice());
        } else if (kind instanceof AssetKind.LiquidStaking ls) {
            g.writeStringField("underlying", ls.underlying().value());
            decimal(g, "exchangeRate", ls.exchangeRate());
        } else if (kind instanceof AssetKind.Bridged b) {
            g.writeStringField("origin", b.origin().value());
            g.writeStringField("bridge", b.bridge().value());
            decimal(g, "backingRatio", b.backingRatio());
        } else if (kind instanceof AssetKind.Receipt r) {
            g.writeStringField("redeemsFor", r.redeemsFor().value());
            decimal(g, "redemptionRate", r.redemptionRate());
            g.writeStringField("issuer", r.issuer().value());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void bridge(JsonGenerator g, Bridge b) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id().value());
        g.writeStringField("chainA", b.chainA().value());
        g.writeStringField("chainB", b.chainB().value());
        number(g, "latencySeconds", b.latencySeconds());
        number(g, "capacityPerHourUsd", b.capacityPerHourUsd());
        g.writeNumberField("feeBps", b.feeBps());
        g.writeStringField("status", Schema.statusName(b.status()));
        g.writeEndObject();
    }

    private static void venue(JsonGenerator g, VenueSpec v) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", Schema.venueType(v));
        g.writeStringField("id", v.id().value());
        g.writeStringField("chain", v.chain().value());
        if (v instanceof VenueSpec.ConstantProduct cp) {
            g.writeStringField("token0", cp.token0().value());
            g.writeStringField("token1", cp.token1().value());
            decimal(g, "reserve0", cp.reserve0());
            decimal(g, "reserve1", cp.reserve1());
            g.writeNumberField("feePips", cp.feePips());
        } else if (v instanceof VenueSpec.ConcentratedLiquidity cl) {
            g.writeStringField("token0", cl.token0().value());
            g.writeStringField("token1", cl.token1().value());
            g.writeNumberField("feePips", cl.feePips());
            g.writeNumberField("tickSpacing", cl.tickSpacing());
            bigInteger(g, "sqrtPriceX96", cl.sqrtPriceX96());
            g.writeArrayFieldStart("positions");
            for (VenueSpec.LiquidityPosition p : cl.positions()) {
                g.writeStartObject();
                g.writeNumberField("tickLower", p.tickLower());
                g.writeNumberField("tickUpper", p.tickUpper());
                bigInteger(g, "liquidity", p.liquidity());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (v instanceof VenueSpec.StableSwap ss) {
            g.writeArrayFieldStart("coins");
            for (var coin : ss.coins()) {
                g.writeString(coin.value());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("balances");
            for (BigDecimal balance : ss.balances()) {
                g.writeNumber(balance);
            }
            g.writeEndArray();
            g.writeNumberField("amplification", ss.amplification());
            g.writeNumberField("fee", ss.fee());
        } else if (v instanceof VenueSpec.OrderBook ob) {
            g.writeStringField("base", ob.base().value());
            g.writeStringField("quote", ob.quote().value());
            levels(g, "bids", ob.bids());
            levels(g, "asks", ob.asks());
            g.writeNumberField("takerFeePips", ob.takerFeePips());
        } else if (v instanceof VenueSpec.Wrapper w) {
            g.writeStringField("wrapped", w.wrapped().value());
            g.writeStringField("underlying", w.underlying().value());
        }
        g.writeEndObject();
    }

    private static void levels(JsonGenerator g, String name, List<VenueSpec.BookLevel> levels) throws IOException {
        g.writeArrayFieldStart(name);
        for (VenueSpec.BookLevel level : levels) {
            g.writeStartObject();
            decimal(g, "price", level.price());
            decimal(g, "size", level.size());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    /**
     * Doubles go out as their shortest decimal form: {@code 10000000} rather than {@code 1.0E7}, which YAML 1.1
     * would read as a string. Reading that decimal back gives the same double.
     */
    static void number(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(ShortestDecimal.of(value).stripTrailingZeros());
    }

    private static void bigInteger(JsonGenerator g, String name, BigInteger value) throws IOException {
        g.writeStringField(name, value.toString());
    }
}
