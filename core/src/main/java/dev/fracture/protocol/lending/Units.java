package dev.fracture.protocol.lending;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Token amounts of a snapshot in each token's smallest unit, for the lending converters. */
final class Units {
    /** The snapshot's assets by id: a book converts every balance of a million accounts through it. */
    private final Map<AssetId, Asset> assets = new HashMap<>();

    Units(EcosystemSnapshot snapshot) {
        for (Asset a : snapshot.assets()) {
            // The first of an id, as EcosystemSnapshot.asset finds it.
            assets.putIfAbsent(a.id(), a);
        }
    }

    Asset asset(AssetId id) {
        Asset a = assets.get(id);
        if (a == null) {
            throw new IllegalArgumentException("unknown asset " + id);
        }
        return a;
    }

    BigInteger of(AssetId id, BigDecimal amount) {
        return asset(id).units(amount);
    }

    /**
     * {@link #of} into two words ({@code words}: low, high) when the asset is known and the amount is a whole number of
     * its units from 0 to 2^127 - 1; false otherwise (then {@link #of} gives the number, or fails naming the reason).
     * An amount of at most 18 significant digits and no more decimals than the token's — every snapshot balance
     * written to the token's precision — is scaled in words, with no number made: its unscaled value times a power
     * of ten of at most 18 digits is below 10^36 < 2^120.
     */
    boolean words(AssetId id, BigDecimal amount, long[] words) {
        Asset a = assets.get(id);
        if (a == null || amount.signum() < 0) {
            return false;
        }
        int shift = a.decimals() - amount.scale();
        if (shift >= 0 && shift <= 18 && amount.precision() <= 18) {
            long unscaled = amount.unscaledValue().longValueExact();
            long power = UnsignedWide.pow10(shift);
            words[0] = unscaled * power;
            words[1] = Math.multiplyHigh(unscaled, power);
            return true;
        }
        BigInteger units;
        try {
            units = a.units(amount);
        } catch (ArithmeticException finerThanAUnit) {
            return false;
        }
        return AaveAccountTable.words(units, words);
    }
}
