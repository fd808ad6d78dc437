-- Coexistence history sync: each chunk as received (gzip) and the state of the sync per tenant.
CREATE TABLE history_chunk (
    id            UUID                        NOT NULL PRIMARY KEY,
    tenant_id     UUID                        NOT NULL REFERENCES tenant (id),
    phase         INTEGER                     NOT NULL,
    chunk_order   INTEGER                     NOT NULL,
    progress      INTEGER                     NOT NULL,
    message_count INTEGER                     NOT NULL,
    imported      INTEGER                     NOT NULL,
    payload_gzip  BYTEA                       NOT NULL,
    received_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    imported_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uk_history_chunk UNIQUE (tenant_id, phase, chunk_order)
);

CREATE TABLE history_sync (
    tenant_id       UUID                        NOT NULL PRIMARY KEY REFERENCES tenant (id),
    state           VARCHAR(20)                 NOT NULL,
    progress        INTEGER                     NOT NULL,
    declined_code   INTEGER,
    declined_reason VARCHAR(500),
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_chunk_at   TIMESTAMP(6) WITH TIME ZONE,
    completed_at    TIMESTAMP(6) WITH TIME ZONE,
    version         BIGINT                      NOT NULL
);
