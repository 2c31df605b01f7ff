package dev.fracture.cli;

import dev.fracture.model.EcosystemSnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture validate FILE}: check a snapshot file and say what is wrong, where. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a snapshot file (YAML or JSON). Errors name file:line:column and the rule broken.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Snapshot file, or the name of a bundled ecosystem.")
    private String file;

    @Override
    public Integer call() {
        EcosystemSnapshot s = EcosystemSource.load(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: valid snapshot '%s' as of %s: %d chains, %d assets, %d bridges, %d venues, %d oracles, "
                + "%d protocols%n", file, s.name(), s.asOf(), s.chains().size(), s.assets().size(), s.bridges().size(),
                s.venues().size(), s.oracles().size(), s.protocols().size());
        return 0;
    }
}
