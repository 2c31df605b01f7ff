package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fracture serve} refuses bad options with status 1 and a message naming the option, before listening. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aStoreThatIsNotH2OrPostgresIsRefused() {
        FractureCommandTest.Run r = FractureCommandTest.run("serve", "--db", "jdbc:mysql://localhost/x", "--port", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--db: expected a JDBC URL starting jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void aPublishParameterWithoutATokenIsRefused() {
        FractureCommandTest.Run r = FractureCommandTest.run("serve", "--port", "0", "--db",
                "jdbc:h2:mem:serve-test", "--publish-param", "x=1:0.1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--publish-param needs a token");
    }

    @Test
    void aMalformedPublishParameterIsRefused() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef0123");
        FractureCommandTest.Run r = FractureCommandTest.run("serve", "--port", "0", "--publish-token-file",
                token.toString(), "--publish-param", "x=oops");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("expected NAME=INITIAL:MAXSTEP");
    }

    @Test
    void aBadReplayFileIsRefusedNamingItsLine() throws Exception {
        Path replay = Files.writeString(dir.resolve("r.jsonl"), "{\"atMs\": 0, \"type\": \"price\", \"asset\": "
                + "\"doge\", \"priceUsd\": 1}\n");
        FractureCommandTest.Run r = FractureCommandTest.run("serve", "--port", "0", "--db", "jdbc:h2:mem:serve-test2",
                "--replay", replay.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("r.jsonl:1: asset: 'doge' is not an asset of the ecosystem");
    }
}
