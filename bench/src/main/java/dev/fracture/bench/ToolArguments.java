package dev.fracture.bench;

/** The command-line checks of the bench module's tools: a bad argument is named with its rule, exit status 2. */
final class ToolArguments {
    private ToolArguments() {
    }

    /** {@code text} as a whole number above 0, or the tool stops naming {@code name} and the rule. */
    static int positive(String tool, String text, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        fail(tool, name + " must be a whole number > 0, was '" + text + "'");
        return 0;
    }

    /** Stops the tool with {@code message} on the error stream and exit status 2. */
    static void fail(String tool, String message) {
        System.err.println(tool + ": " + message);
        System.exit(2);
    }
}
