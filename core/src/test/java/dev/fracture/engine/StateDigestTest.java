package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link StateDigest#addEncoded}: the bytes written a slice at a time on the engine's threads are fed in order, so the
 * digest is the SHA-256 of the same bytes written one after another — on any thread count, and when the buffers of
 * one call are reused by the next (a reused buffer must hold none of its earlier bytes). The expected digests are
 * the JDK's SHA-256 of the bytes {@link DataOutputStream} writes: big-endian ints and longs, as {@link DigestBytes}
 * is specified to write them.
 */
class StateDigestTest {

    @Test
    void encodedBytesAreFedInOrderOnAnyThreadCountAndBuffersReusedCarryNothingOver() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        // First call: 1,000 longs; second: 300 ints (smaller, into the first call's larger buffers); third: 5,000
        // ints (more than the first call's buffers were made for, so they grow).
        for (int i = 0; i < 1000; i++) {
            data.writeLong(0x0102030405060708L * i);
        }
        for (int i = 0; i < 300; i++) {
            data.writeInt(-i);
        }
        for (int i = 0; i < 5000; i++) {
            data.writeInt(i * 31);
        }
        data.writeLong(42);
        String truth = sha256(expected.toByteArray());
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers w = new Workers(threads)) {
                StateDigest d = new StateDigest()
                        .addEncoded(w, 1000, 8, (out, i) -> out.putLong(0x0102030405060708L * i))
                        .addEncoded(w, 300, 1, (out, i) -> out.putInt(-i))
                        .addEncoded(w, 5000, 1, (out, i) -> out.putInt(i * 31))
                        .addEncoded(w, 0, 8, (out, i) -> out.putInt(i))
                        .add(42L);
                assertThat(d.hex()).as("%d threads", threads).isEqualTo(truth);
            }
        }
    }

    @Test
    void aBufferFedDirectlyIsItsBytes() throws Exception {
        DigestBytes b = new DigestBytes(2).putInt(7).putLong(-1L).putBoolean(true);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        data.writeInt(7);
        data.writeLong(-1L);
        data.writeByte(1);
        assertThat(new StateDigest().addBytes(b).hex()).isEqualTo(sha256(expected.toByteArray()));
        assertThat(new StateDigest().addBytes(b).hex()).isEqualTo(new StateDigest().addBytes(b.toArray()).hex());
        // Cleared, it holds nothing: fed, it adds nothing to the digest.
        assertThat(new StateDigest().addBytes(b.clear()).hex()).isEqualTo(sha256(new byte[0]));
    }

    private static String sha256(byte[] bytes) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
