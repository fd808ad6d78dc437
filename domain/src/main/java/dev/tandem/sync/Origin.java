package dev.tandem.sync;

/** Where a message came from: the customer, Tandem's API, the Business App on the phone, or a history import. */
public enum Origin {
    CUSTOMER,
    API,
    BUSINESS_APP,
    HISTORY
}
