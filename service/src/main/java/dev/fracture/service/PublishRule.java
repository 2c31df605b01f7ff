package dev.fracture.service;

/**
 * A parameter the service may publish: its value before any publication (the one in force on chain) and the largest
 * change one publication may make, in the parameter's own units. Risk oracles that push parameters on chain bound
 * each update the same way (a maximum step per update and a minimum time between updates), so that a compromised or
 * mistaken publisher can only move a parameter slowly.
 */
public record PublishRule(String parameter, double initial, double maxStep) {
    public PublishRule {
        if (parameter == null || !parameter.matches("[A-Za-z0-9._/:-]{1,128}")) {
            throw new IllegalArgumentException("publish rule: parameter name must be 1-128 characters of letters, "
                    + "digits and ._/:-, was '" + parameter + "'");
        }
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("publish rule " + parameter + ": initial value must be finite");
        }
        if (!(maxStep > 0) || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("publish rule " + parameter + ": max step must be a finite number > 0, "
                    + "was " + maxStep);
        }
    }

    /** Parses {@code NAME=INITIAL:MAXSTEP}, the form of {@code --publish-param}. */
    public static PublishRule parse(String text) {
        int eq = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (eq <= 0 || colon < eq) {
            throw new IllegalArgumentException("--publish-param '" + text + "': expected NAME=INITIAL:MAXSTEP, e.g. "
                    + "aave-v3.eth.liquidationThresholdBps=8300:50");
        }
        try {
            return new PublishRule(text.substring(0, eq), Double.parseDouble(text.substring(eq + 1, colon)),
                    Double.parseDouble(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--publish-param '" + text + "': INITIAL and MAXSTEP must be numbers");
        }
    }
}
