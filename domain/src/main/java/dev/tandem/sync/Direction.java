package dev.tandem.sync;

public enum Direction {
    INBOUND,
    OUTBOUND
}
