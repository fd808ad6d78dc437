package dev.tandem.messaging;

import jakarta.ejb.ApplicationException;

/**
 * Tandem refuses a send before calling Meta, naming the remedy: the window is closed (send a
 * template), the tenant is deactivated, the number is disconnected, the template is unknown, not
 * approved or not filled right, or the recipient has no consent.
 */
@ApplicationException(rollback = true)
public class SendRefusedException extends RuntimeException {

    private final String reason;

    public SendRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * A short machine-readable reason: service-window-closed, tenant-inactive, number-not-connected,
     * template-unknown, template-not-approved, template-parameters, no-consent.
     */
    public String reason() {
        return reason;
    }
}
