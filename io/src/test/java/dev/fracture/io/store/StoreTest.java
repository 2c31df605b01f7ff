package dev.fracture.io.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store on H2 and on a real PostgreSQL server: migrations, runs, history and publications round-trip. */
class StoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void migratesOnceAndReopensAtTheSameVersion(String kind) {
        String url = TestStores.url(kind, dir);
        try (Database db = Database.open(url)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(db.rowCounts()).containsOnlyKeys(Database.TABLES).allSatisfy((t, n) -> assertThat(n).isZero());
            new RunStore(db).submit("r1", "s", "defi-2025", 1, "yaml", "name: s", 10);
        }
        try (Database db = Database.open(url)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(db.rowCounts().get("scenario_run")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void runsGoFromQueuedToDoneWithTheirResultAndItsHash(String kind) {
        try (Database db = Database.open(TestStores.url(kind, dir))) {
            RunStore runs = new RunStore(db);
            runs.submit("a", "eth-crash-30", "defi-2025", 30, "yaml", "name: eth-crash-30", 100);
            runs.submit("b", "other", "defi-2025", 7, "json", "{}", 200);
            runs.started("a");
            runs.done("a", "{\"x\":1}", 150);
            runs.failed("b", "boom", 250);
            RunRecord a = runs.find("a").orElseThrow();
            assertThat(a.status()).isEqualTo(RunStatus.DONE);
            assertThat(a.result()).isEqualTo("{\"x\":1}");
            // SHA-256("{"x":1}"), computed independently with sha256sum.
            assertThat(a.resultSha256()).isEqualTo("5041bf1f713df204784353e82f6a4a535931cb64f1f4b4a5aeaffcb720918b22");
            assertThat(a.finishedMs()).isEqualTo(150L);
            assertThat(runs.find("b").orElseThrow().error()).isEqualTo("boom");
            assertThat(runs.recent(10)).extracting(RunRecord::id).containsExactly("b", "a");
            assertThat(runs.find("zzz")).isEmpty();
            assertThatThrownBy(() -> runs.done("zzz", "{}", 1)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("run zzz does not exist");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void interruptedRunsAreMarkedFailedOnRestart(String kind) {
        try (Database db = Database.open(TestStores.url(kind, dir))) {
            RunStore runs = new RunStore(db);
            runs.submit("q", "s", "e", 1, "yaml", "x", 1);
            runs.submit("r", "s", "e", 1, "yaml", "x", 2);
            runs.started("r");
            runs.submit("d", "s", "e", 1, "yaml", "x", 3);
            runs.done("d", "{}", 4);
            assertThat(runs.failInterrupted(9)).isEqualTo(2);
            assertThat(runs.find("q").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
            assertThat(runs.find("d").orElseThrow().status()).isEqualTo(RunStatus.DONE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void historyIsReadBackByMeasureAssetAndTime(String kind) {
        try (Database db = Database.open(TestStores.url(kind, dir))) {
            HistoryStore h = new HistoryStore(db);
            h.record(List.of(new HistoryEntry("depth", "eth", "defi-2025", 0, 1000, "{\"v\":0}"),
                    new HistoryEntry("depth", "eth", "defi-2025", 1, 2000, "{\"v\":1}"),
                    new HistoryEntry("depth", "wbtc", "defi-2025", 1, 2000, "{\"v\":2}"),
                    new HistoryEntry("network", "", "defi-2025", 1, 2000, "{\"v\":3}")));
            assertThat(h.history("depth", "eth", 0, Long.MAX_VALUE, 10)).extracting(HistoryEntry::body)
                    .containsExactly("{\"v\":0}", "{\"v\":1}");
            assertThat(h.history("depth", "eth", 1500, 2500, 10)).extracting(HistoryEntry::liveVersion)
                    .containsExactly(1L);
            assertThat(h.history("depth", "eth", 0, Long.MAX_VALUE, 1)).hasSize(1);
            assertThat(h.history("network", "", 0, Long.MAX_VALUE, 10)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAcceptedPublicationSetsTheValueARefusedOneOnlyLogs(String kind) {
        try (Database db = Database.open(TestStores.url(kind, dir))) {
            PublicationStore p = new PublicationStore(db);
            p.record(10, "x", "5", 4.0, true, 5, "accepted");
            p.record(20, "x", "50", 5.0, false, Double.NaN, "too far");
            assertThat(p.current("x")).contains(new ParameterValue("x", 5, 10));
            p.record(30, "x", "6", 5.0, true, 6, "accepted");
            assertThat(p.values()).containsExactly(new ParameterValue("x", 6, 30));
            List<Publication> log = p.log(10);
            assertThat(log).extracting(Publication::accepted).containsExactly(true, false, true);
            assertThat(log.get(1).reason()).isEqualTo("too far");
            assertThat(log.get(2).previous()).isEqualTo(4.0);
            assertThat(db.rowCounts()).containsEntry("publication", 3L).containsEntry("parameter_value", 1L);
        }
    }

    @Test
    void aUrlThatIsNotH2OrPostgresIsRefused() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://x/y")).isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
        assertThatThrownBy(() -> Database.open(null)).isInstanceOf(StoreException.class);
    }

    @Test
    void theMigrationSplitterKeepsStatementsAndDropsComments() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n  ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n  ON a (x)");
        assertThatThrownBy(() -> Migrations.statements("CREATE TABLE a (x INT)"))
                .hasMessageContaining("without ';'");
    }

    @Test
    void passwordsAreNotRepeatedInMessages() {
        assertThat(Database.describe("jdbc:postgresql://h/db?user=u&password=secret")).isEqualTo("jdbc:postgresql://h/db");
    }
}
