package dev.fracture.io.store;

/** A database the store cannot open, migrate, read or write; the message names the operation and the URL's kind. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
