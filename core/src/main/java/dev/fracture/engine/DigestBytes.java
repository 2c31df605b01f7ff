package dev.fracture.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer in which a book writes its positions, and a run its events, for the state digest
 * ({@link StateDigest#addBytes}): numbers big-endian, a double by its bits, a text as its UTF-8 length then its bytes,
 * a big integer as the length of its two's-complement bytes then those bytes ({@link BigInteger#toByteArray}). Every
 * field has a fixed width or announces its own length, so the bytes of a sequence of records read back one way only:
 * equal bytes, equal records. Written in binary rather than as the records' texts because a deep book holds a million
 * positions, and writing a big integer in decimal divides it repeatedly where its bytes are a copy; and because a
 * double's text is the JDK's to choose ({@code Double.toString} writes some numbers differently from Java 19 on), where
 * its bits are the number.
 */
final class DigestBytes {
    private byte[] bytes;
    private int size;

    DigestBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    DigestBytes putInt(int v) {
        room(4);
        bytes[size] = (byte) (v >>> 24);
        bytes[size + 1] = (byte) (v >>> 16);
        bytes[size + 2] = (byte) (v >>> 8);
        bytes[size + 3] = (byte) v;
        size += 4;
        return this;
    }

    DigestBytes putLong(long v) {
        return putInt((int) (v >>> 32)).putInt((int) v);
    }

    /** A double by its bits ({@link Double#doubleToLongBits}): equal bytes, bit-identical numbers. */
    DigestBytes putDouble(double v) {
        return putLong(Double.doubleToLongBits(v));
    }

    DigestBytes putBoolean(boolean v) {
        room(1);
        bytes[size++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** A text as its UTF-8 length then its bytes; null as the length −1 and no bytes (apart from "" and "null"). */
    DigestBytes putText(String s) {
        return s == null ? putInt(-1) : putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    DigestBytes putBigInteger(BigInteger v) {
        return putBytes(v.toByteArray());
    }

    /** {@code b}'s length, then {@code b}. */
    private DigestBytes putBytes(byte[] b) {
        putInt(b.length);
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** The bytes written, in order. */
    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
