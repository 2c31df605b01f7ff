package dev.fracture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code fracture report}: tables, the schema's JSON, and clear errors for bad input. */
class ReportCommandTest {

    @Test
    void tablesShowTheMeasuresOfEachAsset() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Risk report v1.0.0 of defi-2025", "critical shock", "solvency boundary",
                "depth within 2.00%", "liquidity velocity", "HHI over protocols", "fragmentation cost",
                "Oracle dependency", "eth-osm", "DebtRank");
    }

    @Test
    void jsonIsTheVersionedReportWithLvarWhenAVolatilityIsGiven() throws Exception {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "eth", "--volatility", "eth=0.045",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/schemaVersion").asText()).isEqualTo("1.0.0");
        assertThat(doc.at("/snapshot/ecosystem").asText()).isEqualTo("defi-2025");
        assertThat(doc.at("/assets").size()).isEqualTo(1);
        assertThat(doc.at("/assets/0/liquidationCurve/down").size()).isEqualTo(91);
        assertThat(doc.at("/assets/0/lvar/dailyVolatility").asDouble()).isEqualTo(0.045);
        assertThat(doc.at("/assets/0/lvar/confidence").asDouble()).isEqualTo(0.99);
    }

    @Test
    void anUnknownAssetIsABadInputNamingTheKnownOnes() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--asset", "doge");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("fracture report: asset 'doge': unknown in ecosystem 'defi-2025'", "wsteth");
    }

    @Test
    void aVolatilityThatIsNotAPositiveNumberIsRefused() {
        FractureCommandTest.Run r = FractureCommandTest.run("report", "--volatility", "eth=NaN");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--volatility eth=NaN: a daily volatility must be a finite fraction > 0");
    }
}
