package dev.fracture.cli;

import dev.fracture.engine.RunProgress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (of simulated seconds, or of runs) on the error stream (never the output stream, which may carry JSON), shown
 * only once a run has taken longer than {@link #DELAY_NANOS}: short runs print nothing. Close it when the run ends.
 */
final class ProgressDisplay implements RunProgress, AutoCloseable {
    /** One second: below that a bar only flickers. */
    static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final String task;
    private final String unit;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private long shown = -1;

    /** A bar of simulated seconds. */
    ProgressDisplay(PrintWriter err, String task) {
        this(err, task, " s");
    }

    /** A bar counting in {@code unit} (" s", " runs"). */
    ProgressDisplay(PrintWriter err, String task, String unit) {
        this.err = err;
        this.task = task;
        this.unit = unit;
    }

    @Override
    public void advanced(long seconds, long horizonSeconds) {
        if (seconds == shown) {
            return;
        }
        shown = seconds;
        if (bar == null) {
            if (System.nanoTime() - started < DELAY_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(horizonSeconds).setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new Consumer(err)).build();
        }
        bar.stepTo(seconds);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Redraws the bar on one line of the error stream; a fixed width so no terminal is queried. */
    private record Consumer(PrintWriter err) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
