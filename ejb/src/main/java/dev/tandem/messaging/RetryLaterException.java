package dev.tandem.messaging;

import jakarta.ejb.ApplicationException;

/** A send that may succeed later (rate limit, Meta busy, no answer): rolled back and redelivered with backoff. */
@ApplicationException(rollback = true)
public class RetryLaterException extends RuntimeException {
    public RetryLaterException(String message) {
        super(message);
    }
}
