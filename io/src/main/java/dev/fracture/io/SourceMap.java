package dev.fracture.io;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field path of a snapshot was written, so that a rule broken in the model (which knows only paths)
 * can be reported at a line and column of the file.
 */
final class SourceMap {
    private final Map<String, SourceLocation> locations = new HashMap<>();

    void put(String path, SourceLocation location) {
        locations.putIfAbsent(path, location);
    }

    /**
     * The location of {@code path}, or of its nearest written ancestor: a rule may concern a field the file left
     * to its default, whose closest written place is the object that omits it.
     */
    SourceLocation locate(String path) {
        String p = path;
        while (true) {
            SourceLocation found = locations.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new SourceLocation(1, 1);
            }
            p = p.substring(0, Math.max(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))));
        }
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }
}
