-- Why a sync event failed: the broker moves a poison message to TandemDLQ after the configured
-- attempts but records no reason, so each failing attempt leaves its exception here, keyed by the
-- JMS message id (which the message keeps in the dead-letter queue).
CREATE TABLE sync_failure (
    jms_message_id  VARCHAR(100)                NOT NULL PRIMARY KEY,
    queue           VARCHAR(100)                NOT NULL,
    kind            VARCHAR(40),
    group_id        VARCHAR,
    delivery_id     UUID,
    tenant_id       UUID,
    attempts        INTEGER                     NOT NULL,
    reason          VARCHAR                     NOT NULL,
    first_failed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_failed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sync_failure_last ON sync_failure (last_failed_at);
