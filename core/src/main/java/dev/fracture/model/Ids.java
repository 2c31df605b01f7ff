package dev.fracture.model;

/** The one rule every typed id shares. */
final class Ids {
    private Ids() {
    }

    static void requireValid(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new IllegalArgumentException(what + " '" + value + "' must not contain whitespace");
            }
        }
    }
}
