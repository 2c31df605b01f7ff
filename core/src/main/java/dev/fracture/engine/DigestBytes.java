package dev.fracture.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /**
     * A text as its UTF-8 length then its bytes; null as the length −1 and no bytes (apart from "" and "null"). An
     * ASCII text, as every id is, is its own UTF-8: its characters are written as they are read, sparing the encoded
     * copy a deep book would make a million times.
     */
    DigestBytes putText(String s) {
        if (s == null) {
            return putInt(-1);
        }
        int n = s.length();
        room(4 + n);
        int start = size + 4;
        for (int c = 0; c < n; c++) {
            char ch = s.charAt(c);
            if (ch >= 0x80) {
                return putBytes(s.getBytes(StandardCharsets.UTF_8));
            }
            bytes[start + c] = (byte) ch;
        }
        putInt(n);
        size += n;
        return this;
    }

    /** A text already encoded as UTF-8 ({@code utf8}), written as {@link #putText} writes the text. */
    DigestBytes putUtf8(byte[] utf8) {
        return putBytes(utf8);
    }

    DigestBytes putBigInteger(BigInteger v) {
        return putBytes(v.toByteArray());
    }

    /**
     * The unsigned 128-bit number {@code high}·2⁶⁴ + {@code low} as {@link #putBigInteger} writes it: the length of
     * its two's complement, then those bytes — {@code bitLength / 8 + 1} of them, the sign bit's zero included, as
     * {@link BigInteger#toByteArray} makes them. The same bytes without making the big integer, for a book's balances
     * held as two words.
     */
    DigestBytes putUnsigned(long high, long low) {
        int bits = high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
        int n = bits / 8 + 1;
        putInt(n);
        room(n);
        for (int b = 0; b < n; b++) {
            // Byte b counted from the least significant: the low word's eight, the high word's eight, then zero.
            long word = b < 8 ? low : b < 16 ? high : 0;
            bytes[size + n - 1 - b] = (byte) (word >>> (8 * (b & 7)));
        }
        size += n;
        return this;
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

    /** Feeds the bytes written, in order, to {@code sha}: what {@link #toArray} holds, without the copy. */
    void feedInto(MessageDigest sha) {
        sha.update(bytes, 0, size);
    }

    /** Empties the buffer for new bytes, keeping its room (a state hash's buffers are reused batch after batch). */
    DigestBytes clear() {
        size = 0;
        return this;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
