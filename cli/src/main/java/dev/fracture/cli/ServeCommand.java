package dev.fracture.cli;

import dev.fracture.io.store.Database;
import dev.fracture.service.FractureService;
import dev.fracture.service.PublishRule;
import dev.fracture.service.ServiceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture serve}: the Systemic Risk Oracle service (docs/api.md) until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Systemic Risk Oracle: the JSON API (/openapi.json), the live event stream, metrics, "
                + "health and the dashboard at http://HOST:PORT/, over an ecosystem kept live from a replay file. "
                + "Runs until interrupted (Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private EcosystemOption ecosystem;

    @Option(names = "--port", defaultValue = "7070", description = "Port (0: any free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    private String host;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Store: jdbc:h2:... or jdbc:postgresql://... "
            + "Default: an H2 file in ./fracture-data/.")
    private String db;

    @Option(names = "--replay", paramLabel = "FILE", description = "Replay file of price and position updates "
            + "(JSON Lines, docs/api.md).")
    private Path replay;

    @Option(names = "--replay-speed", defaultValue = "1", description = "Replay milliseconds per wall-clock "
            + "millisecond; 0 replays as fast as possible. Default: ${DEFAULT-VALUE}.")
    private double replaySpeed;

    @Option(names = "--history-every", defaultValue = "10", paramLabel = "SECONDS",
            description = "Least time between two recordings of the live curves. Default: ${DEFAULT-VALUE}.")
    private long historyEvery;

    @Option(names = "--publish-token-file", paramLabel = "FILE", description = "File holding the bearer token that "
            + "publishing requires (else the FRACTURE_PUBLISH_TOKEN environment variable; neither: publishing off).")
    private Path tokenFile;

    @Option(names = "--publish-param", paramLabel = "NAME=INITIAL:MAXSTEP",
            description = "A publishable parameter, its value in force and the largest change per publication; "
                    + "repeatable.")
    private List<String> publishParams = new ArrayList<>();

    @Option(names = "--publish-interval", defaultValue = "3600", paramLabel = "SECONDS",
            description = "Least time between two accepted publications of a parameter. Default: ${DEFAULT-VALUE}.")
    private long publishInterval;

    @Option(names = "--run-threads", defaultValue = "2", description = "Threads running scenarios. "
            + "Default: ${DEFAULT-VALUE}.")
    private int runThreads;

    @Option(names = "--run-queue", defaultValue = "16", description = "Scenario runs that may wait. "
            + "Default: ${DEFAULT-VALUE}.")
    private int runQueue;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (historyEvery < 0 || publishInterval < 0) {
            throw new IllegalArgumentException("--history-every and --publish-interval must be >= 0 seconds");
        }
        List<PublishRule> rules = new ArrayList<>();
        publishParams.forEach(p -> rules.add(PublishRule.parse(p)));
        String token = token();
        if (!rules.isEmpty() && token == null) {
            throw new IllegalArgumentException("--publish-param needs a token: --publish-token-file FILE or "
                    + "FRACTURE_PUBLISH_TOKEN");
        }
        String url = db != null ? db : Database.h2File(Path.of("fracture-data"));
        ServiceConfig config = new ServiceConfig(ecosystem.load(), host, port, url, replay, replaySpeed,
                Duration.ofSeconds(historyEvery), token, rules, Duration.ofSeconds(publishInterval), runThreads,
                runQueue);
        FractureService service;
        try {
            service = FractureService.start(config);
        } catch (io.javalin.util.JavalinBindException e) {
            throw new IllegalArgumentException("--port " + port + ": cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "fracture-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Fracture serving %s on %s/ (API: %s/openapi.json, store: %s)%n", config.snapshot().name(),
                service.url(), service.url(), url.split("\\?")[0]);
        out.flush();
        stopped.await();
        return 0;
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv("FRACTURE_PUBLISH_TOKEN");
        return env == null || env.isBlank() ? null : env.strip();
    }
}
