-- Events for TandemEvents are written here in the transaction of the fact they describe and published
-- after it commits (platform.EventRelay), so a consumer's transaction has the database as its only
-- resource: one-phase, no XA with the broker. A row is deleted once its event is on the topic; rows a
-- crash left behind are published by the relay's sweep (at least once, like Meta's own deliveries).
CREATE TABLE unpublished_event (
    id          UUID                        NOT NULL PRIMARY KEY,
    type        VARCHAR(100)                NOT NULL,
    tenant_id   UUID,
    body        VARCHAR                     NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_unpublished_event_created ON unpublished_event (created_at);
