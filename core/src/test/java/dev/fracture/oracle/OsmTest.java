package dev.fracture.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsmTest {
    private static final Osm OSM = Osm.hourly();

    @Test
    void workedSequenceLagsOneToTwoHops() {
        OsmState s = OSM.primed(0, 100);
        s = OSM.poke(s, 3600, 110, true);
        assertThat(s).isEqualTo(new OsmState(100, true, 110, true, 3600, false));
        assertThat(OSM.advance(s, 5000, 999, true)).isSameAs(s);
        assertThatThrownBy(() -> OSM.poke(OSM.primed(3600, 1), 5000, 999, true))
                .hasMessageContaining("OSM/not-passed");
        // A late poke at 7300 aligns zzz to 7200, so the next poke may come at 10800, not 10900.
        s = OSM.poke(s, 7300, 120, true);
        assertThat(s).isEqualTo(new OsmState(110, true, 120, true, 7200, false));
        assertThat(OSM.pass(s, 10_799)).isFalse();
        assertThat(OSM.pass(s, 10_800)).isTrue();
        s = OSM.poke(s, 10_800, 130, true);
        // Read from 10800 to 14399: 120, which the source showed at 7300 — 3500 to 7099 seconds ago.
        assertThat(OSM.peek(s)).isEqualTo(120);
        assertThat(OSM.peep(s)).isEqualTo(130);
        assertThat(OSM.value(s, 14_399)).isEqualTo(120);
    }

    @Test
    void anInvalidSourceValueChangesNothing() {
        OsmState s = OSM.primed(0, 100);
        assertThat(OSM.poke(s, 3600, 0, false)).isSameAs(s);
    }

    @Test
    void aFreshOsmNeedsTwoPokesBeforeItHasAValue() {
        OsmState s = OSM.empty();
        assertThat(OSM.isStale(s, 0)).isTrue();
        s = OSM.poke(s, 3600, 100, true);
        assertThat(s.curHas()).isFalse();
        s = OSM.poke(s, 7200, 105, true);
        assertThat(s.curHas()).isTrue();
        assertThat(OSM.peek(s)).isEqualTo(100);
    }

    @Test
    void stopStartAndVoid() {
        OsmState s = OSM.stop(OSM.primed(0, 100));
        OsmState stopped = s;
        assertThatThrownBy(() -> OSM.poke(stopped, 3600, 1, true)).hasMessageContaining("OSM/is-stopped");
        assertThat(OSM.advance(s, 3600, 1, true)).isSameAs(s);
        s = OSM.start(s);
        assertThat(OSM.poke(s, 3600, 1, true).cur()).isEqualTo(100);
        s = OSM.voidFeed(s);
        assertThat(s.curHas()).isFalse();
        assertThat(s.cur()).isZero();
        assertThat(s.stopped()).isTrue();
        assertThat(OSM.isStale(s, 0)).isTrue();
    }

    @Test
    void staleWhenAWholeHopPassedAfterAPokeBecamePossible() {
        OsmState s = OSM.primed(3600, 100);
        assertThat(OSM.isStale(s, 10_799)).isFalse();
        assertThat(OSM.isStale(s, 10_800)).isTrue();
    }

    /**
     * A keeper calls advance every block (12 s, random phase) on a source equal to the time: the value read is the
     * source at the poke before the latest one, i.e. between one and two hops (plus a block) old.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void keeperPokingEveryBlockReadsTheSourceOfThePreviousPoke(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long hop = 600 + random.nextInt(3000);
        Osm osm = Osm.of(hop);
        long t = 10_000 + random.nextInt(12);
        OsmState s = osm.primed(t, t);
        long lastPoke = t;
        long previousPoke = t;
        int pokes = 0;
        for (; t < 200_000; t += 12) {
            OsmState next = osm.advance(s, t, t, true);
            if (next != s) {
                previousPoke = lastPoke;
                lastPoke = t;
                pokes++;
            }
            s = next;
            if (pokes >= 1) {
                assertThat(osm.value(s, t)).isEqualTo((double) previousPoke);
            }
            if (pokes >= 2) {
                // Both pokes came at the first block of a hop boundary; the priming time was off the grid.
                long lag = t - (long) osm.value(s, t);
                assertThat(lag).isBetween(hop - 12, 2 * hop + 12);
            }
        }
    }
}
