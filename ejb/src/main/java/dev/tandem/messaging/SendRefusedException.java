package dev.tandem.messaging;

import jakarta.ejb.ApplicationException;

/**
 * Tandem refuses a send before calling Meta, naming the remedy: the window is closed (send a
 * template), the tenant is deactivated, the number is disconnected, or the recipient has no consent.
 */
@ApplicationException(rollback = true)
public class SendRefusedException extends RuntimeException {

    private final String reason;

    public SendRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short machine-readable reason: service-window-closed, tenant-inactive, number-not-connected, no-consent. */
    public String reason() {
        return reason;
    }
}
