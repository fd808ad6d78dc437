package dev.tandem.messaging;

/** QUEUED until Meta answered; ACCEPTED with a wamid; FAILED with Meta's code; PAUSED while the tenant's token is invalid. */
public enum OutboundState {
    QUEUED,
    ACCEPTED,
    FAILED,
    PAUSED
}
