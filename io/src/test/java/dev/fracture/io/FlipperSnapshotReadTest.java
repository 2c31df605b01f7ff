package dev.fracture.io;

import static dev.fracture.io.Resources.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * An ilk that names a {@code flipper} (flip.sol with cat.sol's lump) instead of a {@code clipper}: read, written back,
 * and refused with its rule at its file position when malformed (docs/formats.md, the {@code cdp} table).
 */
class FlipperSnapshotReadTest {
    private static final String YAML = Resources.text("/snapshots/example.yaml");
    private static final String CLIPPER = """
                    clipper:
                      buf: "1200000000000000000000000000"
                      tail: 8400
                      cusp: "400000000000000000000000000"
                      chip: "1000000000000000"
                      tip: 250
                      calc: {type: stairstep-exponential-decrease, step: 90, cut: "990000000000000000000000000"}
            """;
    private static final String FLIPPER = """
                    flipper:
                      beg: "1030000000000000000"
                      ttl: 600
                      tau: 259200
                      lump: 50
            """;

    private static String flipperYaml() {
        assertThat(YAML).contains(CLIPPER);
        return YAML.replace(CLIPPER, FLIPPER);
    }

    private static String error(String text) {
        try {
            SnapshotReader.read(text, "demo.yaml", Format.YAML);
        } catch (SnapshotFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SnapshotFormatException");
    }

    @Test
    void aFlipperIlkIsReadAndWrittenBack() {
        EcosystemSnapshot s = SnapshotReader.read(flipperYaml(), "demo.yaml", Format.YAML);
        var maker = (ProtocolSpec.CdpSystem) s.protocol(ProtocolId.of("maker")).orElseThrow();
        ProtocolSpec.CdpSystem.Ilk ilk = maker.ilks().get(0);
        assertThat(ilk.clipper()).isNull();
        assertThat(ilk.flipper()).isEqualTo(new ProtocolSpec.CdpSystem.Flipper(
                new BigInteger("1030000000000000000"), 600, 259_200, new BigDecimal("50")));
        for (Format format : Format.values()) {
            assertThat(SnapshotReader.read(SnapshotWriter.write(s, format), "out", format)).as(format.toString())
                    .isEqualTo(s);
        }
    }

    @Test
    void anIlkWithBothAuctionsIsRefusedAtTheFlipper() {
        String text = YAML.replace(CLIPPER, CLIPPER + FLIPPER);
        assertThat(error(text)).isEqualTo("demo.yaml:" + at(text, "flipper:") + ": protocols[3].ilks[0].flipper: "
                + "an ilk names either a clipper or a flipper, not both");
    }

    @Test
    void anIlkWithNeitherAuctionNeedsAClipper() {
        String text = YAML.replace(CLIPPER, "");
        assertThat(error(text)).endsWith("protocols[3].ilks[0].clipper: is required");
    }

    @Test
    void flipperRulesAreMappedToTheirLines() {
        String text = flipperYaml().replace("beg: \"1030000000000000000\"", "beg: \"990000000000000000\"")
                .replace("ttl: 600", "ttl: 0").replace("lump: 50", "lump: 50.0000000000000000001");
        assertThat(error(text).split("\n")).containsExactly(
                "demo.yaml:" + at(text, "beg: \"99") + ": protocols[3].ilks[0].flipper.beg: must be at least "
                        + "1000000000000000000 (1 WAD) (was 990000000000000000)",
                "demo.yaml:" + at(text, "ttl: 0") + ": protocols[3].ilks[0].flipper.ttl: must be between 1 and "
                        + "281474976710655 seconds (uint48) (was 0)",
                "demo.yaml:" + at(text, "lump: 50.0") + ": protocols[3].ilks[0].flipper.lump: has 19 fractional "
                        + "digits but asset 'eth' has 18 decimals");
    }

    @Test
    void aMissingOrUnknownFlipperFieldIsNamed() {
        String text = flipperYaml().replace("          tau: 259200\n", "          tua: 259200\n")
                .replace("lump: 50", "lump: -50");
        assertThat(error(text).split("\n")).contains(
                "demo.yaml:" + at(text, "tua: 259200") + ": protocols[3].ilks[0].flipper.tua: unknown field 'tua' "
                        + "(expected one of: beg, ttl, tau, lump)");
    }
}
