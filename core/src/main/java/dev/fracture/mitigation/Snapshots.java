package dev.fracture.mitigation;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Copies of a snapshot with one part replaced, and the valuations the setup-time mitigations share. */
final class Snapshots {
    private Snapshots() {
    }

    static EcosystemSnapshot withProtocol(EcosystemSnapshot s, ProtocolSpec replacement) {
        List<ProtocolSpec> protocols = new ArrayList<>();
        for (ProtocolSpec p : s.protocols()) {
            protocols.add(p.id().equals(replacement.id()) ? replacement : p);
        }
        return new EcosystemSnapshot(s.name(), s.asOf(), s.chains(), s.assets(), s.bridges(), s.venues(), s.oracles(),
                protocols);
    }

    static EcosystemSnapshot withVenues(EcosystemSnapshot s, List<VenueSpec> added) {
        List<VenueSpec> venues = new ArrayList<>(s.venues());
        venues.addAll(added);
        return new EcosystemSnapshot(s.name(), s.asOf(), s.chains(), s.assets(), s.bridges(), venues, s.oracles(),
                s.protocols());
    }

    static Asset asset(EcosystemSnapshot s, AssetId id) {
        return s.asset(id).orElseThrow(() -> new IllegalStateException("no asset " + id));
    }

    /** Value of {@code amount} of {@code asset} at the snapshot's reference price, USD. */
    static double usd(EcosystemSnapshot s, AssetId asset, BigDecimal amount) {
        return amount.doubleValue() * asset(s, asset).referencePriceUsd();
    }

    /**
     * {@code amount × fraction} in the asset's units, rounded {@code mode} (callers round to the nearest unit: the
     * fraction comes through a double, so an exact answer may arrive a hair off).
     */
    static BigDecimal scale(EcosystemSnapshot s, AssetId asset, BigDecimal amount, double fraction, RoundingMode mode) {
        return amount.multiply(ShortestDecimal.of(fraction), MathContext.DECIMAL64)
                .setScale(asset(s, asset).decimals(), mode).stripTrailingZeros();
    }

    /** The reserve of {@code asset} in a pooled protocol, or null. */
    static ProtocolSpec.PooledLending.Reserve reserve(ProtocolSpec.PooledLending p, AssetId asset) {
        for (ProtocolSpec.PooledLending.Reserve r : p.reserves()) {
            if (r.asset().equals(asset)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Borrowing power of a pooled protocol's accounts, USD at the snapshot: Σ over collateral enabled as such of
     * value × the LTV that applies to it (the account's e-mode category's on an asset of the category, the reserve's
     * otherwise; {@link ProtocolSpec.PooledLending#ltvBps}).
     */
    static double borrowingPowerUsd(EcosystemSnapshot s, ProtocolSpec.PooledLending p) {
        double usd = 0;
        for (ProtocolSpec.PooledLending.Account a : p.accounts()) {
            for (ProtocolSpec.PooledLending.Supply c : a.collaterals()) {
                ProtocolSpec.PooledLending.Reserve r = reserve(p, c.asset());
                if (c.usedAsCollateral() && r != null) {
                    usd += usd(s, c.asset(), c.amount()) * p.ltvBps(a, r) / 10_000.0;
                }
            }
        }
        return usd;
    }
}
