package dev.fracture.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the service refuses: the HTTP status, the field at fault (a path parameter, query parameter, header or
 * JSON path in the body) and the rule it broke. Raised before anything is changed; the handler turns it into
 * {@code {"error": {"status", "field", "rule", "message"}}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String rule;

    public ApiError(int status, String field, String rule) {
        super(field + ": " + rule);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    public static ApiError badRequest(String field, String rule) {
        return new ApiError(400, field, rule);
    }

    public static ApiError notFound(String field, String rule) {
        return new ApiError(404, field, rule);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public ObjectNode body() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode e = o.putObject("error");
        e.put("status", status);
        e.put("field", field);
        e.put("rule", rule);
        e.put("message", getMessage());
        return o;
    }
}
