package dev.tandem.tenancy;

/**
 * The coexistence state of a tenant's number, driven by Meta's account_update events:
 * ACCOUNT_OFFBOARDED suspends (Meta re-onboards in the background), ACCOUNT_RECONNECTED resumes,
 * PARTNER_REMOVED disconnects for good (a new Embedded Signup is needed).
 */
public enum NumberState {
    ACTIVE,
    SUSPENDED,
    DISCONNECTED
}
