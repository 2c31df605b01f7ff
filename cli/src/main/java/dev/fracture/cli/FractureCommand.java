package dev.fracture.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fracture} command: one sub-command per job. */
@Command(name = "fracture", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Systemic-risk engine for multi-chain DeFi: where forced selling sits, what a shock does, "
                + "and how it spreads.",
        subcommands = {DemoCommand.class, SimulateCommand.class, CompareCommand.class, ReportCommand.class,
                QuoteCommand.class, RouteCommand.class, EcosystemsCommand.class, ValidateCommand.class,
                CalibrateCommand.class, SweepCommand.class, AdviseCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class FractureCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 success, 1 bad input or failure, 2 usage error. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, writing to the given streams (tests capture them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FractureCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Bad input is reported as a message naming the place and the rule; anything else is a bug and keeps its
            // stack trace.
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException || ex instanceof dev.fracture.io.SnapshotFormatException
                    || ex instanceof dev.fracture.io.store.StoreException) {
                cmd.getErr().println("fracture " + cmd.getCommandName() + ": " + ex.getMessage());
                cmd.getErr().flush();
                return 1;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
