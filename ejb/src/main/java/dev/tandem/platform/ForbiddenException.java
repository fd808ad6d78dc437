package dev.tandem.platform;

import jakarta.ejb.ApplicationException;

/** The caller is known but its role does not allow this. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
