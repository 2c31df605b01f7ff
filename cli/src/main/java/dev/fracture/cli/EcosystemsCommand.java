package dev.fracture.cli;

import dev.fracture.io.BundledEcosystems;
import dev.fracture.model.EcosystemSnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fracture ecosystems}: list the bundled ecosystems. */
@Command(name = "ecosystems", mixinStandardHelpOptions = true, description = "List the bundled ecosystems.")
public final class EcosystemsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("name", "as of", "chains", "assets", "bridges", "venues");
        for (String name : BundledEcosystems.names()) {
            EcosystemSnapshot s = BundledEcosystems.load(name);
            t.row(name, s.asOf(), s.chains().size(), s.assets().size(), s.bridges().size(), s.venues().size());
        }
        t.print(out);
        return 0;
    }
}
