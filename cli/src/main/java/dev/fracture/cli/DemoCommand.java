package dev.fracture.cli;

import dev.fracture.engine.RunProgress;
import dev.fracture.io.BundledScenarios;
import dev.fracture.io.LoadedScenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fracture demo}: the main job on the bundled ecosystem. Runs the default stress scenario
 * ({@value #SCENARIO}) on {@code defi-2025} with no mitigation switched on (the ten it lists are what
 * {@code fracture compare} weighs), writes the HTML report, and prints its path and the summary.
 * {@code --routing} shows instead where forced selling of ETH would be absorbed across venues and chains.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the default stress scenario (" + DemoCommand.SCENARIO + ": ETH -30%% over an hour with "
                + "an oracle freeze and a gas spike, no mitigation) on the bundled defi-2025 ecosystem, write the HTML "
                + "report and print its path and the summary. --routing: route growing ETH sell orders across the venues and "
                + "chains and show the fragmentation cost of each.")
public final class DemoCommand implements Callable<Integer> {
    /** The bundled scenario the demo runs. */
    public static final String SCENARIO = "defi-2025-stress";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "fracture-demo.html",
            description = "Where to write the HTML report. Default: ${DEFAULT-VALUE} in the current directory.")
    private Path out;

    @Option(names = "--seed", description = "Seed for the run (default: the scenario's).")
    private Long seed;

    @Mixin
    private JsonOption output;

    @Option(names = "--routing", description = "Show the routing demo instead of the stress run.")
    private boolean routing;

    @Mixin
    private EcosystemOption ecosystem;

    @Option(names = "--sell", description = "With --routing: asset id to sell. Default: the native asset of the first chain.")
    private String sell;

    @Option(names = "--buy", description = "With --routing: asset id to buy. Default: the first USD stablecoin on the seller's chain.")
    private String buy;

    /**
     * The scenario the demo runs: the bundled stress scenario with no mitigation switched on — the ten mitigations it
     * lists are what {@code fracture compare} weighs.
     */
    static LoadedScenario scenario() {
        LoadedScenario listed = BundledScenarios.load(SCENARIO);
        return new LoadedScenario(listed.scenario().withMitigations(java.util.List.of()), listed.snapshot());
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (routing) {
            return RoutingDemo.run(stdout, ecosystem.load(), sell, buy);
        }
        OutputPaths.checkFile("--out", out);
        LoadedScenario loaded = scenario();
        long runSeed = seed != null ? seed : loaded.scenario().seed();
        ScenarioRun run;
        try (ProgressDisplay bar = new ProgressDisplay(spec.commandLine().getErr(), SCENARIO)) {
            run = ScenarioRun.of(loaded, runSeed, output.json ? RunProgress.NONE : bar);
        }
        SimulateCommand.writeReports(run, out, null, output.json ? null : stdout);
        if (output.json) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("report", out.toAbsolutePath().normalize().toString());
            doc.putAll(run.json());
            Json.print(stdout, doc);
            return 0;
        }
        SummaryPrinter.print(stdout, run, 10);
        stdout.printf("%nOpen the report in a browser; it needs no network. The run had no mitigation; "
                + "fracture compare %s runs the scenario with each of its ten mitigations and all together.%n",
                SCENARIO);
        stdout.flush();
        return 0;
    }
}
