package dev.fracture.service;

import dev.fracture.model.EcosystemSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a service is started.
 *
 * @param host            interface to listen on (127.0.0.1 by default: the API is for the operator's machine unless
 *                        asked otherwise)
 * @param port            0 picks a free port
 * @param jdbcUrl         the store: an H2 or PostgreSQL JDBC URL
 * @param replay          a replay file of price and position updates, or null for none
 * @param replaySpeed     how many replay milliseconds pass per wall-clock millisecond (0: as fast as possible)
 * @param historyEvery    least time between two recordings of the curves in the history
 * @param publishToken    the bearer token publishing requires, or null to disable publishing
 * @param runThreads      threads running scenarios
 * @param runQueue        runs that may wait beyond those running
 */
public record ServiceConfig(EcosystemSnapshot snapshot, String host, int port, String jdbcUrl, Path replay,
                            double replaySpeed, Duration historyEvery, String publishToken,
                            List<PublishRule> publishRules, Duration publishInterval, int runThreads, int runQueue) {
    public ServiceConfig {
        if (snapshot == null) {
            throw new IllegalArgumentException("--ecosystem: required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: must be in 0..65535, was " + port);
        }
        if (!(replaySpeed >= 0) || Double.isInfinite(replaySpeed)) {
            throw new IllegalArgumentException("--replay-speed: must be a finite number >= 0, was " + replaySpeed);
        }
        if (runThreads < 1 || runQueue < 0) {
            throw new IllegalArgumentException("--run-threads must be >= 1 and --run-queue >= 0");
        }
        if (publishToken != null && publishToken.strip().length() < 16) {
            throw new IllegalArgumentException("publish token: must be at least 16 characters");
        }
        publishRules = List.copyOf(publishRules);
    }

    /** The defaults of {@code fracture serve}, for an ecosystem and a store. */
    public static ServiceConfig defaults(EcosystemSnapshot snapshot, String jdbcUrl) {
        return new ServiceConfig(snapshot, "127.0.0.1", 7070, jdbcUrl, null, 1, Duration.ofSeconds(10), null,
                List.of(), Duration.ofHours(1), 2, 16);
    }

    public ServiceConfig withPort(int p) {
        return new ServiceConfig(snapshot, host, p, jdbcUrl, replay, replaySpeed, historyEvery, publishToken,
                publishRules, publishInterval, runThreads, runQueue);
    }

    public ServiceConfig withReplay(Path file, double speed) {
        return new ServiceConfig(snapshot, host, port, jdbcUrl, file, speed, historyEvery, publishToken, publishRules,
                publishInterval, runThreads, runQueue);
    }

    public ServiceConfig withHistoryEvery(Duration every) {
        return new ServiceConfig(snapshot, host, port, jdbcUrl, replay, replaySpeed, every, publishToken, publishRules,
                publishInterval, runThreads, runQueue);
    }

    public ServiceConfig withPublishing(String token, List<PublishRule> rules, Duration interval) {
        return new ServiceConfig(snapshot, host, port, jdbcUrl, replay, replaySpeed, historyEvery, token, rules,
                interval, runThreads, runQueue);
    }

    public ServiceConfig withRuns(int threads, int queue) {
        return new ServiceConfig(snapshot, host, port, jdbcUrl, replay, replaySpeed, historyEvery, publishToken,
                publishRules, publishInterval, threads, queue);
    }

    public ServiceConfig withHost(String h) {
        return new ServiceConfig(snapshot, h, port, jdbcUrl, replay, replaySpeed, historyEvery, publishToken,
                publishRules, publishInterval, runThreads, runQueue);
    }
}
