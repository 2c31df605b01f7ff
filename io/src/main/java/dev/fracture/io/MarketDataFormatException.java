package dev.fracture.io;

/** A market-data file could not be read; the message names {@code file:line:column} (or {@code file:line}) and the rule. */
public final class MarketDataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MarketDataFormatException(String message) {
        super(message);
    }
}
