package dev.fracture.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ObjIntConsumer;

/**
 * A SHA-256 over a run's state, fed value by value: doubles by their bits, so equal digests mean bit-identical
 * states. The reference simulator and the fast engine are compared by it.
 */
final class StateDigest {
    private final MessageDigest sha;
    private final ByteBuffer buf = ByteBuffer.allocate(8);
    /** Buffers of earlier {@link #addEncoded} calls, taken by the slices of the next (on the engine's threads). */
    private final Queue<DigestBytes> spare = new ConcurrentLinkedQueue<>();

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

    /** The bytes {@code bytes} holds, fed as {@link #addBytes(byte[])} feeds them. */
    StateDigest addBytes(DigestBytes bytes) {
        bytes.feedInto(sha);
        return this;
    }

    /**
     * Feeds what {@code write} puts down for every index of {@code [0, count)}, in order: written a slice of indexes
     * at a time on {@code workers} (each slice into a buffer of its own, about {@code bytesEach} per index to start
     * with) and fed here in the slices' order, so the bytes are the same on any thread count. The thread feeding the
     * digest only feeds it. The buffers are kept for the next call: a deep book's digest is written a batch of
     * positions at a time, and a fresh buffer per slice and batch was a quarter of a gigabyte a run at 1,000,000
     * accounts, each byte written once more by the allocation's zeroing.
     */
    StateDigest addEncoded(Workers workers, int count, int bytesEach, ObjIntConsumer<DigestBytes> write) {
        List<DigestBytes> parts = workers.slices(count, (from, to) -> {
            DigestBytes kept = spare.poll();
            DigestBytes out = kept != null ? kept.clear() : new DigestBytes((to - from) * bytesEach);
            for (int i = from; i < to; i++) {
                write.accept(out, i);
            }
            return out;
        });
        // Only now, every slice done, may a buffer be handed to another slice.
        for (DigestBytes part : parts) {
            part.feedInto(sha);
            spare.add(part);
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
