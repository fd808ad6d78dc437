package dev.tandem.messaging;

import jakarta.ejb.ApplicationException;

/** The Cloud API did not answer a management call (template list) or answered with an error. */
@ApplicationException(rollback = true)
public class CloudApiException extends RuntimeException {

    public CloudApiException(String message) {
        super(message);
    }
}
