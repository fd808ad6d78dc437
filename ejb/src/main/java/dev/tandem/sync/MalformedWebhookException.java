package dev.tandem.sync;

/** A correctly signed body that is not a WhatsApp webhook envelope. */
public class MalformedWebhookException extends RuntimeException {
    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
