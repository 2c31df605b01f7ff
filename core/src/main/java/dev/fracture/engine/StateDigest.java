package dev.fracture.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a run's state, fed value by value: doubles by their bits, so equal digests mean bit-identical
 * states. The reference simulator and the fast engine are compared by it.
 */
final class StateDigest {
    private final MessageDigest sha;
    private final ByteBuffer buf = ByteBuffer.allocate(8);

    StateDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    StateDigest add(double v) {
        return add(Double.doubleToLongBits(v));
    }

    StateDigest add(long v) {
        buf.clear();
        buf.putLong(v);
        sha.update(buf.array());
        return this;
    }

    StateDigest add(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        add(utf8.length);
        sha.update(utf8);
        return this;
    }

    /** Bytes fed as they are, no length before them: a book's positions as {@link DigestBytes} wrote them. */
    StateDigest addBytes(byte[] bytes) {
        sha.update(bytes);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
