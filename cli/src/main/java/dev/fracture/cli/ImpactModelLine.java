package dev.fracture.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The line of {@code fracture report} that names the impact model behind the critical shock and the cascade's
 * resting prices, with its parameters: docs/measures.md says every report states it, and without it a reader of the
 * text cannot tell which model produced "-5.11% -> rests at -95.26%". The words are docs/measures.md's.
 */
final class ImpactModelLine {
    private ImpactModelLine() {
    }

    /** {@code impact model: NAME, GLOSS (PARAMETER VALUE, ...)}, parameters in the order given. */
    static String of(String name, Map<String, Double> parameters) {
        String params = parameters.entrySet().stream()
                .map(e -> e.getKey() + " " + value(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return "impact model: " + name + gloss(name) + (params.isEmpty() ? "" : " (" + params + ")");
    }

    /** docs/measures.md's description of each model it lists; a model it does not list is named only. */
    private static String gloss(String name) {
        return switch (name) {
            case "venue-depth" -> ", as if all venues were arbitraged to one price while the sale goes through, with "
                    + "no replenishment from centralized exchanges";
            // ASCII for the terminal: docs/measures.md writes the law as ΔP/P = Y·σ·√(Q/V).
            case "square-root" -> ", the engine's SquareRootImpact, dP/P = Y*sigma*sqrt(Q/V)";
            default -> "";
        };
    }

    /** Dollars as the report's other amounts; other numbers to six significant digits, without float noise. */
    private static String value(String parameter, Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "-";
        }
        if (parameter.endsWith("Usd")) {
            return TextTable.amount(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
