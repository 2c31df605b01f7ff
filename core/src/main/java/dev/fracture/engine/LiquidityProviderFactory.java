package dev.fracture.engine;

import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.ScenarioEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The liquidity providers of a run, one group per chain in chain order, for the chains where they act: every chain
 * when the setup's {@link LiquidityProviderRule} is on, else only the chains of venues a scenario withdrawal names.
 */
final class LiquidityProviderFactory {
    private LiquidityProviderFactory() {
    }

    static List<BlockParticipant> of(SimulationSetup setup) {
        MarketDynamics d = setup.dynamics();
        List<VenueId> named = new ArrayList<>();
        for (ScenarioEvent e : d.events()) {
            if (e instanceof ScenarioEvent.LiquidityWithdrawal w) {
                named.addAll(w.venues());
            }
        }
        List<BlockParticipant> out = new ArrayList<>();
        List<Chain> chains = setup.snapshot().chains().stream().sorted(Comparator.comparing(Chain::id)).toList();
        for (Chain chain : chains) {
            ChainId id = chain.id();
            // A wrapper has no liquidity providers: nothing of it can be withdrawn.
            List<VenueId> venues = setup.snapshot().venues().stream().filter(v -> v.chain().equals(id)
                    && !(v instanceof VenueSpec.Wrapper)).map(VenueSpec::id).sorted().toList();
            if (!venues.isEmpty() && (d.providers().enabled() || venues.stream().anyMatch(named::contains))) {
                out.add(new LiquidityProviders(id, venues, d));
            }
        }
        return out;
    }
}
