package dev.fracture.engine;

import dev.fracture.model.Bridge;
import dev.fracture.model.BridgeId;
import dev.fracture.model.BridgeStatus;
import dev.fracture.scenario.ScenarioEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each bridge moves value at a time: a bridge the snapshot does not list as open never does; a scenario's
 * bridge halt closes it over [at, until) (for good with no end), and a bridge exploit closes it for good from the
 * exploit on ({@link ScenarioEvent.BridgeExploit}: the drained bridge halts), as the Ronin (March 2022), Nomad (August
 * 2022) and Multichain (July 2023) bridges stopped after theirs.
 */
final class BridgeSchedule {
    private final Map<BridgeId, Bridge> bridges = new HashMap<>();
    private final Map<BridgeId, List<long[]>> closed = new HashMap<>();

    BridgeSchedule(List<Bridge> snapshotBridges, List<ScenarioEvent> events) {
        snapshotBridges.forEach(b -> bridges.put(b.id(), b));
        for (ScenarioEvent e : events) {
            if (e instanceof ScenarioEvent.BridgeHalt h) {
                window(h.bridge(), h.atSeconds(), h.untilSeconds().orElse(Long.MAX_VALUE));
            } else if (e instanceof ScenarioEvent.BridgeExploit x) {
                window(x.bridge(), x.atSeconds(), Long.MAX_VALUE);
            }
        }
    }

    private void window(BridgeId bridge, long from, long to) {
        closed.computeIfAbsent(bridge, k -> new ArrayList<>()).add(new long[] {from, to});
    }

    Bridge bridge(BridgeId id) {
        return bridges.get(id);
    }

    /** Whether {@code bridge} carries transfers at {@code t}. */
    boolean open(BridgeId bridge, long t) {
        Bridge b = bridges.get(bridge);
        if (b == null || b.status() != BridgeStatus.OPEN) {
            return false;
        }
        for (long[] w : closed.getOrDefault(bridge, List.of())) {
            if (t >= w[0] && t < w[1]) {
                return false;
            }
        }
        return true;
    }
}
