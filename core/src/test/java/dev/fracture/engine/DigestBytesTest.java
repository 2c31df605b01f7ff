package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

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
