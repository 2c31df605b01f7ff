package dev.fracture.protocol.options;

/** European call or put on one underlying, settled at expiry. */
public enum OptionType {
    CALL,
    PUT
}
