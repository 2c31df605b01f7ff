package dev.fracture.run;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.scenario.Scenario;
import java.util.Arrays;
import java.util.List;

/**
 * A parameter a sweep varies, named as on the command line:
 * <ul>
 *   <li>{@code PROTOCOL.ASSET.FIELD} for a reserve of a pooled (Aave v3 style) protocol, FIELD one of
 *   {@code ltvBps}, {@code liquidationThresholdBps}, {@code liquidationBonusBps} (basis points, as
 *   {@code ReserveConfiguration} stores them);</li>
 *   <li>{@code PROTOCOL.MARKET.lltv} for a market of an isolated (Morpho Blue style) protocol, as a fraction
 *   (0.86 = 86%);</li>
 *   <li>{@code mitigation.TYPE.FIELD} or {@code mitigation.TYPE.KEY.FIELD} for a mitigation the scenario switches on
 *   (see {@link MitigationParameter}).</li>
 * </ul>
 * Applying a value returns new copies: the snapshot and scenario given are never changed.
 */
public sealed interface GridParameter permits ReserveParameter, MarketLltvParameter, MitigationParameter {

    /** The name as written. */
    String name();

    /** The inputs with this parameter set to {@code value}; a value the records refuse is an error naming it. */
    CellInputs apply(CellInputs inputs, double value);

    /**
     * Reads a parameter name against the ecosystem and scenario it will vary: an unknown protocol, asset, market,
     * mitigation or field is an {@link IllegalArgumentException} that lists what exists.
     */
    static GridParameter parse(String name, EcosystemSnapshot snapshot, Scenario scenario) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("grid parameter name is empty");
        }
        String[] parts = name.split("\\.", -1);
        if (Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("grid parameter '" + name + "': empty part between dots");
        }
        if (parts[0].equals(MitigationParameter.PREFIX)) {
            return MitigationParameter.parse(name, parts, scenario);
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("grid parameter '" + name + "' must be PROTOCOL.ASSET.FIELD, "
                    + "PROTOCOL.MARKET.lltv or mitigation.TYPE[.KEY].FIELD");
        }
        ProtocolId protocolId;
        try {
            protocolId = ProtocolId.of(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid parameter '" + name + "': " + e.getMessage());
        }
        ProtocolSpec protocol = snapshot.protocol(protocolId).orElseThrow(() -> new IllegalArgumentException(
                "grid parameter '" + name + "': unknown protocol '" + parts[0] + "' (ecosystem " + snapshot.name()
                        + " has " + snapshot.protocols().stream().map(p -> p.id().value()).toList() + ")"));
        if (protocol instanceof ProtocolSpec.PooledLending pool) {
            List<String> assets = pool.reserves().stream().map(r -> r.asset().value()).toList();
            if (!assets.contains(parts[1])) {
                throw new IllegalArgumentException("grid parameter '" + name + "': protocol " + parts[0]
                        + " has no reserve '" + parts[1] + "' (reserves: " + assets + ")");
            }
            return new ReserveParameter(name, protocolId, AssetId.of(parts[1]), ReserveParameter.Field.parse(name,
                    parts[2]));
        }
        if (protocol instanceof ProtocolSpec.IsolatedLending isolated) {
            List<String> markets = isolated.markets().stream().map(ProtocolSpec.IsolatedLending.Market::id).toList();
            if (!markets.contains(parts[1])) {
                throw new IllegalArgumentException("grid parameter '" + name + "': protocol " + parts[0]
                        + " has no market '" + parts[1] + "' (markets: " + markets + ")");
            }
            if (!parts[2].equals(MarketLltvParameter.FIELD)) {
                throw new IllegalArgumentException("grid parameter '" + name + "': unknown field '" + parts[2]
                        + "' of an isolated market (fields: [" + MarketLltvParameter.FIELD + "])");
            }
            return new MarketLltvParameter(name, protocolId, parts[1]);
        }
        throw new IllegalArgumentException("grid parameter '" + name + "': protocol " + parts[0] + " is a "
                + protocol.getClass().getSimpleName() + "; sweeps vary pooled-lending reserves and isolated-lending "
                + "markets");
    }
}
