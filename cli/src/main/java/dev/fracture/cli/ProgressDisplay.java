package dev.fracture.cli;

import dev.fracture.engine.RunProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * A progress bar (of simulated seconds, or of runs) on the error stream (never the output stream, which may carry JSON), shown
 * only once a run has taken longer than {@link #DELAY_NANOS}: short runs print nothing. Close it when the run ends.
 * The bar appears with the run already under way, so its elapsed time and its estimate of the time left count from
 * the run's start, not from the bar's: a bar drawn at 50% after two seconds shows two seconds spent and two to go.
 */
final class ProgressDisplay implements RunProgress, AutoCloseable {
    /** One second: below that a bar only flickers. */
    static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final String task;
    private final String unit;
    private final LongSupplier nanoClock;
    private final long started;
    private ProgressBar bar;
    private long shown = -1;

    /** A bar of simulated seconds. */
    ProgressDisplay(PrintWriter err, String task) {
        this(err, task, " s");
    }

    /** A bar counting in {@code unit} (" s", " runs"). */
    ProgressDisplay(PrintWriter err, String task, String unit) {
        this(err, task, unit, System::nanoTime);
    }

    /** A bar whose delay and elapsed time are read from {@code nanoClock} (a test's clock; else the system's). */
    ProgressDisplay(PrintWriter err, String task, String unit, LongSupplier nanoClock) {
        this.err = err;
        this.task = task;
        this.unit = unit;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    @Override
    public void advanced(long seconds, long horizonSeconds) {
        if (seconds == shown) {
            return;
        }
        shown = seconds;
        if (bar == null) {
            long sinceStart = nanoClock.getAsLong() - started;
            if (sinceStart < DELAY_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(horizonSeconds).setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .startsFrom(0, Duration.ofNanos(sinceStart)).setEtaFunction(ProgressDisplay::timeLeft)
                    .setConsumer(new Consumer(err)).build();
        }
        bar.stepTo(seconds);
    }

    /**
     * The time left at the pace of the whole run so far: its elapsed time (before the bar appeared and since) per
     * unit done, times the units to go. The library's own estimate divides the time since the bar appeared by the
     * progress made since the run's start, which reads a bar drawn halfway as nearly done.
     */
    static Optional<Duration> timeLeft(ProgressState state) {
        long done = state.getCurrent();
        if (state.isIndefinite() || state.getMax() <= 0 || done <= 0) {
            return Optional.empty();
        }
        long leftNanos = (long) ((double) state.getTotalElapsed().toNanos() * (state.getMax() - done) / done);
        return Optional.of(Duration.ofNanos(Math.max(leftNanos, 0)));
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
