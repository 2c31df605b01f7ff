package dev.fracture.run;

import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ProtocolSpec.IsolatedLending;
import dev.fracture.model.ShortestDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The liquidation loan-to-value of one isolated (Morpho Blue style) market, given as a fraction and stored in WAD as
 * {@code MarketParams.lltv} is (Morpho Blue whitepaper, §"Liquidation"): it is both the borrowing limit and the
 * liquidation threshold. Must lie in (0, 1).
 */
public record MarketLltvParameter(String name, ProtocolId protocol, String market) implements GridParameter {
    static final String FIELD = "lltv";

    @Override
    public CellInputs apply(CellInputs in, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("grid parameter '" + name + "': lltv is a fraction in (0, 1) (was "
                    + value + ")");
        }
        BigInteger wad = ShortestDecimal.of(value).movePointRight(18).setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
        List<ProtocolSpec> protocols = new ArrayList<>();
        for (ProtocolSpec p : in.snapshot().protocols()) {
            if (p.id().equals(protocol) && p instanceof IsolatedLending iso) {
                List<IsolatedLending.Market> markets = new ArrayList<>();
                for (IsolatedLending.Market m : iso.markets()) {
                    markets.add(m.id().equals(market) ? new IsolatedLending.Market(m.id(), m.loanAsset(),
                            m.collateralAsset(), wad, m.oracle(), m.totalSupply(), m.positions()) : m);
                }
                p = new IsolatedLending(iso.id(), iso.chain(), markets);
            }
            protocols.add(p);
        }
        return new CellInputs(Snapshots.withProtocols(name, value, in.snapshot(), protocols), in.scenario());
    }
}
