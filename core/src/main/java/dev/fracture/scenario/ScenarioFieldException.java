package dev.fracture.scenario;

/**
 * A scenario record refused a value: {@link #field()} names the component (as the file format spells it) and
 * {@link #rule()} the rule broken, so a reader can point at the line that wrote the field.
 */
public final class ScenarioFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public ScenarioFieldException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
