package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.EcosystemSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
    private static final EcosystemSnapshot EXAMPLE =
            SnapshotReader.read(Resources.text("/snapshots/example.yaml"), "example.yaml", Format.YAML);

    @Test
    void yamlRoundTripGivesAnEqualSnapshot() {
        String yaml = SnapshotWriter.write(EXAMPLE, Format.YAML);
        assertThat(SnapshotReader.read(yaml, "out.yaml", Format.YAML)).isEqualTo(EXAMPLE);
    }

    @Test
    void jsonRoundTripGivesAnEqualSnapshot() {
        String json = SnapshotWriter.write(EXAMPLE, Format.JSON);
        assertThat(SnapshotReader.read(json, "out.json", Format.JSON)).isEqualTo(EXAMPLE);
    }

    @Test
    void fileRoundTripFollowsTheExtension(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"out.yaml", "out.yml", "out.json"}) {
            Path file = dir.resolve(name);
            SnapshotWriter.write(EXAMPLE, file);
            assertThat(SnapshotReader.read(file)).as(name).isEqualTo(EXAMPLE);
        }
    }

    @Test
    void writesPlainNumbersAndBigIntegersAsStrings() {
        String json = SnapshotWriter.write(EXAMPLE, Format.JSON);
        assertThat(json)
                .contains("\"capacityPerHourUsd\" : 50000000,")
                .contains("\"sqrtPriceX96\" : \"4481821677982891193498555\"")
                .contains("\"reserve0\" : 12000000,")
                .doesNotContain("E+", "E7");
        String yaml = SnapshotWriter.write(EXAMPLE, Format.YAML);
        assertThat(yaml)
                .contains("sqrtPriceX96: \"4481821677982891193498555\"")
                .contains("type: concentrated-liquidity")
                .contains("status: open");
    }
}
