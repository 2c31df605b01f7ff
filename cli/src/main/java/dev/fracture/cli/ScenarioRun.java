package dev.fracture.cli;

import dev.fracture.cli.report.ReportInput;
import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.RunProgress;
import dev.fracture.engine.ScenarioSetup;
import dev.fracture.engine.SimulationResult;
import dev.fracture.io.LoadedScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario run through the engine, with what it ran on: what simulate, demo and compare print and report. */
record ScenarioRun(LoadedScenario loaded, long seed, ScenarioSetup.Prepared prepared, SimulationResult result) {

    static ScenarioRun of(LoadedScenario loaded, long seed, RunProgress progress) {
        ScenarioSetup.Prepared prepared = ScenarioSetup.of(loaded.scenario(), loaded.snapshot(), seed);
        return new ScenarioRun(loaded, seed, prepared, CascadeSimulator.DEFAULT.run(prepared.setup(), progress));
    }

    /** The parts of the scenario and of the ecosystem the engine left out, in words. */
    List<String> notSimulated() {
        List<String> all = new ArrayList<>(prepared.notSimulated());
        result.notSimulated().forEach(p -> all.add("protocol " + p));
        return all;
    }

    /** What to know before reading the results ({@code Scenario.cautions}: a scenario with no liquidators). */
    List<String> cautions() {
        return loaded.scenario().cautions();
    }

    ReportInput reportInput() {
        return new ReportInput(loaded.scenario().name(), loaded.snapshot(), seed,
                loaded.scenario().horizonSeconds(), result, notSimulated(), cautions());
    }

    /** The JSON document of {@code simulate --json}. */
    Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", loaded.scenario().name());
        doc.put("ecosystem", loaded.snapshot().name());
        doc.put("seed", seed);
        doc.put("summary", result.summary());
        doc.put("liquidators", result.liquidators());
        doc.put("mitigations", result.mitigations());
        doc.put("events", result.events());
        doc.put("log", result.log());
        doc.put("blocks", result.trace().blocks());
        doc.put("traceHash", result.trace().hash());
        doc.put("notSimulated", notSimulated());
        doc.put("cautions", cautions());
        return doc;
    }
}
