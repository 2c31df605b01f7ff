package dev.fracture.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.io.RunJson;
import dev.fracture.run.Advisor;
import dev.fracture.run.BorrowingPower;
import dev.fracture.run.CellSummary;
import dev.fracture.run.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code fracture advise --json} (docs/runs.md, "Borrowing power and advice"): the sweep's JSON document without its
 * per-path rows, with {@code advice} between the plan and the cells. The plan and the cells are written by
 * {@link RunJson}, so they read exactly as in {@code fracture sweep --json}.
 */
final class AdviceJson {
    private AdviceJson() {
    }

    static ObjectNode tree(RunResult result, List<String> notSimulated, Advisor.Loss loss, double level,
                           double targetUsd, Optional<Advisor.Advice> advice, CellSummary lowest) {
        ObjectNode doc = RunJson.header(result, notSimulated);
        ObjectNode a = doc.putObject("advice");
        a.put("loss", loss.key());
        a.put("level", level);
        a.put("targetVarUsd", targetUsd);
        a.put("snapshotBorrowingPowerUsd", BorrowingPower.usd(result.plan().snapshot()));
        // Advisor's own test of a cell (the VaR estimate at or under the target), so the list and its choice agree.
        ArrayNode under = a.putArray("underTarget");
        result.cells().stream().filter(c -> loss.of(c).valueAtRisk(level).value() <= targetUsd)
                .forEach(c -> under.add(c.cell().index()));
        if (advice.isPresent()) {
            Advisor.Advice x = advice.get();
            ObjectNode r = a.putObject("recommendation");
            r.put("cell", x.cell().cell().index());
            r.set("parameters", RunJson.parameters(result.plan(), x.cell().cell()));
            r.put("borrowingPowerUsd", x.cell().borrowingPowerUsd());
            r.set("valueAtRisk", RunJson.estimate(x.valueAtRisk()));
            r.put("confidentlyUnderTarget", x.confidentlyUnderTarget());
        } else {
            a.putNull("recommendation");
        }
        ObjectNode low = a.putObject("lowest");
        low.put("cell", lowest.cell().index());
        low.set("valueAtRisk", RunJson.estimate(loss.of(lowest).valueAtRisk(level)));
        doc.set("cells", RunJson.cells(result));
        return doc;
    }
}
