-- Messaging: every send, stored under its idempotency key before the Cloud API is called.
CREATE TABLE outbound_message (
    id              UUID                        NOT NULL PRIMARY KEY,
    tenant_id       UUID                        NOT NULL REFERENCES tenant (id),
    idempotency_key VARCHAR(200)                NOT NULL,
    recipient       VARCHAR(20)                 NOT NULL,
    type            VARCHAR(40)                 NOT NULL,
    body            VARCHAR                     NOT NULL,
    state           VARCHAR(20)                 NOT NULL,
    wamid           VARCHAR(200),
    error_code      INTEGER,
    error_title     VARCHAR(500),
    error_details   VARCHAR,
    attempts        INTEGER                     NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version         BIGINT                      NOT NULL,
    CONSTRAINT uk_outbound_idempotency UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ix_outbound_state ON outbound_message (tenant_id, state);
