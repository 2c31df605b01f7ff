package dev.fracture.protocol.lending;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One Morpho Blue market of a snapshot in the mechanics' terms. The snapshot holds borrows as assets; shares are
 * derived at the market's opening rate of {@link MorphoBlue#VIRTUAL_SHARES} shares per asset, for supply and borrow
 * alike, so that {@code toAssetsUp(shares)} gives back each borrow exactly. Accrued interest is already in the assets,
 * so nothing is lost by starting the share price afresh.
 */
public record MorphoSetup(String id, MorphoMarketParams params, MorphoMarketState state,
                          List<MorphoPosition> positions, OracleId oracle) {
    public MorphoSetup {
        positions = List.copyOf(positions);
    }

    /** Every market of an isolated-lending spec of {@code snapshot}, in spec order. */
    public static List<MorphoSetup> of(ProtocolSpec.IsolatedLending spec, EcosystemSnapshot snapshot) {
        Units units = new Units(snapshot);
        List<MorphoSetup> markets = new ArrayList<>();
        for (ProtocolSpec.IsolatedLending.Market m : spec.markets()) {
            BigInteger totalBorrow = BigInteger.ZERO;
            List<MorphoPosition> positions = new ArrayList<>();
            for (ProtocolSpec.IsolatedLending.Position p : m.positions()) {
                BigInteger borrow = units.of(m.loanAsset(), p.borrow());
                totalBorrow = totalBorrow.add(borrow);
                positions.add(new MorphoPosition(p.account(), borrow.multiply(MorphoBlue.VIRTUAL_SHARES),
                        units.of(m.collateralAsset(), p.collateral())));
            }
            BigInteger totalSupply = units.of(m.loanAsset(), m.totalSupply());
            MorphoMarketState state = new MorphoMarketState(totalSupply,
                    totalSupply.multiply(MorphoBlue.VIRTUAL_SHARES), totalBorrow,
                    totalBorrow.multiply(MorphoBlue.VIRTUAL_SHARES));
            markets.add(new MorphoSetup(m.id(), new MorphoMarketParams(m.loanAsset(), m.collateralAsset(), m.lltv()),
                    state, positions, m.oracle()));
        }
        return markets;
    }
}
