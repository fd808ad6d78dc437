package dev.tandem.platform;

import jakarta.ejb.ApplicationException;

/** The request clashes with what is stored (a duplicate key, a stale version). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
