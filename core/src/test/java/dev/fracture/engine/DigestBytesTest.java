package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DigestBytes}: the bytes a book's positions are digested as, worked by hand — an int big-endian, a text as its
 * UTF-8 length and bytes, a big integer as the length and bytes of its two's complement — and no two sequences of
 * fields sharing their bytes by moving a boundary.
 */
class DigestBytesTest {
    private static String hex(DigestBytes b) {
        return HexFormat.of().formatHex(b.toArray());
    }

    @Test
    void writesEachFieldAsWorkedByHand() {
        // 258 = 0x102; "é" is C3 A9 in UTF-8; 255 needs a leading zero byte to stay positive; -1 is one FF byte.
        DigestBytes b = new DigestBytes(1).putInt(258).putText("\u00e9").putBigInteger(BigInteger.valueOf(255))
                .putBigInteger(BigInteger.valueOf(-1)).putBoolean(true).putBoolean(false);
        assertThat(hex(b)).isEqualTo("00000102" + "00000002c3a9" + "0000000200ff" + "00000001ff" + "01" + "00");
    }

    @Test
    void writesNumbersByTheirBitsAndANullTextApartFromEveryText() {
        // 2^32 + 3 in eight bytes; -2.0 is the bits 0xC000000000000000; null is the length -1 alone.
        DigestBytes b = new DigestBytes(1).putLong(4_294_967_299L).putDouble(-2.0).putText(null).putText("");
        assertThat(hex(b)).isEqualTo("0000000100000003" + "c000000000000000" + "ffffffff" + "00000000");
        assertThat(new DigestBytes(4).putText(null).toArray())
                .isNotEqualTo(new DigestBytes(4).putText("null").toArray());
    }

    @Test
    void aMovedBoundaryBetweenTextsChangesTheBytes() {
        assertThat(new DigestBytes(4).putText("ab").putText("c").toArray())
                .isNotEqualTo(new DigestBytes(4).putText("a").putText("bc").toArray());
        // A wei more in a balance of 10^24 changes its last byte.
        BigInteger big = BigInteger.TEN.pow(24);
        assertThat(new DigestBytes(4).putBigInteger(big).toArray())
                .isNotEqualTo(new DigestBytes(4).putBigInteger(big.add(BigInteger.ONE)).toArray());
    }

    /** Edge words: zero, a byte's sign bit, each word's top bit, and the largest 128-bit number. */
    private static final long[][] EDGES = {{0, 0}, {0, 1}, {0, 0x7F}, {0, 0x80}, {0, 0xFF}, {0, Long.MAX_VALUE},
            {0, Long.MIN_VALUE}, {0, -1}, {1, 0}, {0x7F, -1}, {0x80, 0}, {Long.MAX_VALUE, -1}, {Long.MIN_VALUE, 0},
            {-1, -1}};

    /** The unsigned 128-bit number {@code high}·2^64 + {@code low}, made as a big integer from its 16 bytes. */
    private static BigInteger unsigned(long high, long low) {
        byte[] b = new byte[16];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (high >>> (56 - 8 * k));
            b[8 + k] = (byte) (low >>> (56 - 8 * k));
        }
        return new BigInteger(1, b);
    }

    static LongStream seeds() {
        return LongStream.range(0, 8).map(s -> 0xD16E5L + s * 7_919);
    }

    @Test
    void twoWordsAreWrittenAsTheirBigIntegerByHand() {
        // 128 = 0x80 needs a leading zero byte to stay positive; 2^64 is 01 then eight zero bytes; zero is one byte.
        assertThat(hex(new DigestBytes(1).putUnsigned(0, 0x80))).isEqualTo("00000002" + "0080");
        assertThat(hex(new DigestBytes(1).putUnsigned(1, 0))).isEqualTo("00000009" + "010000000000000000");
        assertThat(hex(new DigestBytes(1).putUnsigned(0, 0))).isEqualTo("00000001" + "00");
        // 2^128 - 1: sixteen FF bytes after a zero sign byte.
        assertThat(hex(new DigestBytes(1).putUnsigned(-1, -1))).isEqualTo("00000011" + "00" + "ff".repeat(16));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void twoWordsAreWrittenAsTheirBigIntegerIs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (long[] w : EDGES) {
            assertThat(new DigestBytes(2).putUnsigned(w[0], w[1]).toArray()).as("%x %x", w[0], w[1])
                    .isEqualTo(new DigestBytes(2).putBigInteger(unsigned(w[0], w[1])).toArray());
        }
        for (int n = 0; n < 2_000; n++) {
            // Numbers of every width from 0 to 128 bits, so every byte count is met.
            int bits = random.nextInt(129);
            long high = bits > 64 ? random.nextLong() >>> (128 - bits) : 0;
            long low = bits == 0 ? 0 : bits >= 64 ? random.nextLong() : random.nextLong() >>> (64 - bits);
            DigestBytes words = new DigestBytes(8).putInt(n).putUnsigned(high, low).putBoolean(true);
            DigestBytes big = new DigestBytes(8).putInt(n).putBigInteger(unsigned(high, low)).putBoolean(true);
            assertThat(words.toArray()).as("%x %x", high, low).isEqualTo(big.toArray());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aTextIsItsUtf8WhetherAsciiOrNotAndEncodedOnceOrEachTime(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // ASCII (DEL the last of it), Latin-1 past ASCII, a BMP character and a surrogate pair.
        String[] ascii = {"a", "z", "0", "9", "-", "_", "/", ".", "\u007f"};
        String[] wider = {"\u0080", "\u00e9", "\u00ff", "\u20ac", "\ud83d\ude00"};
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            boolean onlyAscii = random.nextBoolean();
            for (int c = 0; c < length; c++) {
                text.append(onlyAscii || random.nextInt(4) > 0 ? ascii[random.nextInt(ascii.length)]
                        : wider[random.nextInt(wider.length)]);
            }
            String t = text.toString();
            byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
            byte[] expected = ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
            // After a field, so that the text is written past the buffer's start and grows it.
            DigestBytes written = new DigestBytes(1).putBoolean(true).putText(t);
            DigestBytes encoded = new DigestBytes(1).putBoolean(true).putUtf8(utf8);
            assertThat(Arrays.copyOfRange(written.toArray(), 1, written.toArray().length)).as("%s", t)
                    .isEqualTo(expected);
            assertThat(encoded.toArray()).isEqualTo(written.toArray());
        }
    }

    @Test
    void growsPastItsFirstCapacity() {
        DigestBytes b = new DigestBytes(16);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            b.putInt(i);
            expected.append(String.format("%08x", i));
        }
        assertThat(hex(b)).isEqualTo(expected.toString());
    }
}
