package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRunShorterThanTheDelayDrawsNothing() {
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        try (ProgressDisplay bar = new ProgressDisplay(new PrintWriter(out), "run", " s", clock::get)) {
            clock.set(SECOND - 1);
            bar.advanced(3000, 3600);
        }
        assertThat(out.toString()).isEmpty();
    }

    /**
     * A bar that appears halfway through a run after two seconds: by hand, two seconds spent and, at that pace, two
     * more for the other half (1,800 of 3,600 simulated seconds). Before the fix it read "(0:00:00 / 0:00:00)": the
     * elapsed time counted from the bar's appearance, and the library's estimate divided that by the whole run's
     * progress.
     */
    @Test
    void elapsedTimeAndTimeLeftCountFromTheRunsStartNotFromTheBars() {
        StringWriter out = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        try (ProgressDisplay bar = new ProgressDisplay(new PrintWriter(out), "run", " s", clock::get)) {
            clock.set(2 * SECOND);
            bar.advanced(1800, 3600);
        }
        String drawn = out.toString();
        assertThat(drawn).contains("1800/3600 s").contains("50%");
        assertThat(drawn).contains("(0:00:02 / 0:00:02)");
    }
}
