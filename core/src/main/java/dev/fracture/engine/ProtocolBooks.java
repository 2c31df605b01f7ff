package dev.fracture.engine;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.LiquitySetup;
import dev.fracture.protocol.cdp.MakerSetup;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.CometSetup;
import dev.fracture.protocol.lending.MorphoSetup;
import java.util.Optional;

/** Builds the run's book of each protocol of the snapshot; empty for a protocol type the engine does not run. */
final class ProtocolBooks {
    private ProtocolBooks() {
    }

    static Optional<ProtocolBook> of(ProtocolSpec spec, EcosystemSnapshot snapshot) {
        if (spec instanceof ProtocolSpec.PooledLending l) {
            return Optional.of(new AaveBook(l.id(), l.chain(), AaveSetup.table(l, snapshot)));
        }
        if (spec instanceof ProtocolSpec.IsolatedLending m) {
            return Optional.of(new MorphoBook(m.id(), m.chain(), MorphoSetup.of(m, snapshot), snapshot));
        }
        if (spec instanceof ProtocolSpec.CometLending c) {
            return Optional.of(new CometBook(c.id(), c.chain(), CometSetup.of(c, snapshot)));
        }
        if (spec instanceof ProtocolSpec.CdpSystem m) {
            return Optional.of(new MakerBook(m, MakerSetup.of(m, snapshot), snapshot));
        }
        if (spec instanceof ProtocolSpec.StabilityPoolSystem l) {
            return Optional.of(new LiquityBook(l, LiquitySetup.of(l, snapshot)));
        }
        return Optional.empty();
    }
}
