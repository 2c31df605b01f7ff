package dev.fracture.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fracture.cli.FractureCommand;
import dev.fracture.io.RunPlanReader;
import dev.fracture.run.LocalRunExecutor;
import dev.fracture.run.PathRow;
import dev.fracture.run.ProgressListener;
import dev.fracture.run.RunPlan;
import dev.fracture.run.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark in local mode against the local executor: the same rows, bit for bit. */
class SparkRunExecutorTest {
    private static final String GRID = "aave-v3.eth.liquidationThresholdBps=8100,8300";

    private static String scenario() {
        String repo = System.getProperty("fracture.repo", System.getProperty("user.dir") + "/..");
        return Path.of(repo, "docs", "examples", "eth-jump-stress.yaml").toString();
    }

    @Test
    void sparkLocalModeGivesTheLocalExecutorsRowsBitForBit() throws Exception {
        RunPlan plan = RunPlanReader.read(new RunPlan.Source(scenario(), List.of(GRID), 6, 11, 0));
        List<PathRow> local = new LocalRunExecutor(1).run(plan, ProgressListener.NONE);
        AtomicLong done = new AtomicLong();
        List<PathRow> spark = new SparkRunExecutor("local[2]").run(plan, new ProgressListener() {
            @Override
            public void started(long jobs) {
            }

            @Override
            public void done(long jobs) {
                done.addAndGet(jobs);
            }
        });
        assertThat(spark).isEqualTo(local);
        for (int i = 0; i < local.size(); i++) {
            assertThat(Double.doubleToRawLongBits(spark.get(i).shortfallUsd()))
                    .isEqualTo(Double.doubleToRawLongBits(local.get(i).shortfallUsd()));
        }
        assertThat(RunResult.of(plan, spark).cells()).isEqualTo(RunResult.of(plan, local).cells());
        assertThat(done.get()).isEqualTo(12);
        // The paths differ from one another: the test compares distributions, not twelve copies of one number.
        assertThat(local.stream().mapToDouble(PathRow::liquidatedUsd).distinct().count()).isGreaterThan(1);
    }

    @Test
    void theSweepCommandReachesSparkByName(@TempDir Path dir) throws Exception {
        Path viaSpark = dir.resolve("spark.json");
        Path viaLocal = dir.resolve("local.json");
        assertThat(run("sweep", scenario(), "--paths", "4", "--grid", GRID, "--seed", "3", "--quiet",
                "--engine", "spark", "--master", "local[2]", "--json", viaSpark.toString())).isZero();
        assertThat(run("sweep", scenario(), "--paths", "4", "--grid", GRID, "--seed", "3", "--quiet",
                "--threads", "2", "--json", viaLocal.toString())).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode s = m.readTree(Files.readString(viaSpark));
        JsonNode l = m.readTree(Files.readString(viaLocal));
        assertThat(s.get("rows")).isEqualTo(l.get("rows"));
        assertThat(s.get("cells")).isEqualTo(l.get("cells"));
    }

    @Test
    void aPlanWithoutASourceCannotBeShipped() throws Exception {
        RunPlan plan = RunPlanReader.read(new RunPlan.Source(scenario(), List.of(), 1, 1, 0));
        RunPlan bare = RunPlan.of(plan.scenarioId(), plan.scenario(), plan.snapshot(), 1, plan.grid(), 1, 0);
        assertThatThrownBy(() -> new SparkRunExecutor("local[1]").run(bare, ProgressListener.NONE))
                .hasMessageContaining("RunPlanReader");
    }

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FractureCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            System.err.println(out + "\n" + err);
        }
        return code;
    }
}
