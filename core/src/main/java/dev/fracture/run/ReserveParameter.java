package dev.fracture.run;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ProtocolSpec.PooledLending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A risk parameter of one reserve of a pooled (Aave v3 style) protocol, in basis points as Aave's
 * {@code ReserveConfiguration} stores it (Aave v3 technical paper, §"Risk parameters"): the value must be a whole
 * number. The copy is a new {@link EcosystemSnapshot}, so the snapshot validator's rules apply (LTV at most the
 * liquidation threshold, bonus at least 10000, threshold × bonus at most 100%), and a cell that breaks one is an
 * error naming the parameter and the value.
 */
public record ReserveParameter(String name, ProtocolId protocol, AssetId asset, Field field) implements GridParameter {

    /** The reserve fields a sweep may vary. */
    public enum Field {
        LTV_BPS("ltvBps"), LIQUIDATION_THRESHOLD_BPS("liquidationThresholdBps"),
        LIQUIDATION_BONUS_BPS("liquidationBonusBps");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Field parse(String name, String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("grid parameter '" + name + "': unknown reserve "
                            + "field '" + key + "' (fields: " + Arrays.stream(values()).map(Field::key).toList()
                            + ")"));
        }
    }

    @Override
    public CellInputs apply(CellInputs in, double value) {
        if (value != Math.rint(value) || value < 0 || value > 100_000) {
            throw new IllegalArgumentException("grid parameter '" + name + "': " + field.key + " is a whole number "
                    + "of basis points, 0 to 100000 (was " + value + ")");
        }
        int bps = (int) value;
        EcosystemSnapshot s = in.snapshot();
        List<ProtocolSpec> protocols = new ArrayList<>();
        for (ProtocolSpec p : s.protocols()) {
            if (p.id().equals(protocol) && p instanceof PooledLending pool) {
                List<PooledLending.Reserve> reserves = new ArrayList<>();
                for (PooledLending.Reserve r : pool.reserves()) {
                    reserves.add(r.asset().equals(asset) ? with(r, bps) : r);
                }
                p = new PooledLending(pool.id(), pool.chain(), reserves, pool.eModeCategories(), pool.accounts());
            }
            protocols.add(p);
        }
        return new CellInputs(Snapshots.withProtocols(name, value, s, protocols), in.scenario());
    }

    private PooledLending.Reserve with(PooledLending.Reserve r, int bps) {
        return new PooledLending.Reserve(r.asset(), r.oracle(),
                field == Field.LTV_BPS ? bps : r.ltvBps(),
                field == Field.LIQUIDATION_THRESHOLD_BPS ? bps : r.liquidationThresholdBps(),
                field == Field.LIQUIDATION_BONUS_BPS ? bps : r.liquidationBonusBps(),
                r.liquidationProtocolFeeBps(), r.supplyCap(), r.borrowCap(), r.debtCeiling(), r.borrowableInIsolation(),
                r.eModeCategory());
    }
}
