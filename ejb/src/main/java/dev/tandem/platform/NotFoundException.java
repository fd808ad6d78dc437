package dev.tandem.platform;

import jakarta.ejb.ApplicationException;

/**
 * The thing does not exist, or the caller may not know that it does: another tenant's resources
 * are reported exactly like missing ones.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
