package dev.fracture.protocol.cdp;

import java.math.BigInteger;

/** Decimal strings into Maker units, for readable test numbers. */
final class Units {
    private Units() {
    }

    static BigInteger wad(String v) {
        return DssMath.parse(v, DssMath.WAD);
    }

    static BigInteger ray(String v) {
        return DssMath.parse(v, DssMath.RAY);
    }

    static BigInteger rad(String v) {
        return DssMath.parse(v, DssMath.RAD);
    }
}
