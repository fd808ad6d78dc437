-- Sync: the webhook archive, contacts, conversations, messages, statuses and revisions.
-- VARCHAR without a length is unbounded on PostgreSQL and 1,000,000 characters on H2.
CREATE TABLE webhook_delivery (
    id          UUID                        NOT NULL PRIMARY KEY,
    app_id      VARCHAR(30)                 NOT NULL,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    size_bytes  INTEGER                     NOT NULL,
    body_gzip   BYTEA                       NOT NULL
);
CREATE INDEX ix_webhook_delivery_received ON webhook_delivery (received_at);

CREATE TABLE unrouted_event (
    id              UUID                        NOT NULL PRIMARY KEY,
    app_id          VARCHAR(30)                 NOT NULL,
    phone_number_id VARCHAR(30),
    waba_id         VARCHAR(30),
    field           VARCHAR(40)                 NOT NULL,
    reason          VARCHAR(100)                NOT NULL,
    payload         VARCHAR                     NOT NULL,
    received_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE contact (
    id                      UUID                        NOT NULL PRIMARY KEY,
    tenant_id               UUID                        NOT NULL REFERENCES tenant (id),
    wa_id                   VARCHAR(20),
    user_id                 VARCHAR(140),
    profile_name            VARCHAR(300),
    full_name               VARCHAR(300),
    first_name              VARCHAR(300),
    in_address_book         BOOLEAN                     NOT NULL,
    address_book_changed_at TIMESTAMP(6) WITH TIME ZONE,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                 BIGINT                      NOT NULL,
    CONSTRAINT uk_contact_wa_id UNIQUE (tenant_id, wa_id),
    CONSTRAINT uk_contact_user_id UNIQUE (tenant_id, user_id)
);

CREATE TABLE conversation (
    id                       UUID                        NOT NULL PRIMARY KEY,
    tenant_id                UUID                        NOT NULL REFERENCES tenant (id),
    contact_id               UUID                        NOT NULL REFERENCES contact (id),
    last_message_at          TIMESTAMP(6) WITH TIME ZONE,
    last_customer_message_at TIMESTAMP(6) WITH TIME ZONE,
    human_takeover_until     TIMESTAMP(6) WITH TIME ZONE,
    created_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                  BIGINT                      NOT NULL,
    CONSTRAINT uk_conversation_contact UNIQUE (contact_id)
);
CREATE INDEX ix_conversation_tenant ON conversation (tenant_id, last_message_at);

CREATE TABLE message (
    id              UUID                        NOT NULL PRIMARY KEY,
    tenant_id       UUID                        NOT NULL REFERENCES tenant (id),
    conversation_id UUID                        NOT NULL REFERENCES conversation (id),
    wamid           VARCHAR(200)                NOT NULL,
    direction       VARCHAR(10)                 NOT NULL,
    origin          VARCHAR(20)                 NOT NULL,
    type            VARCHAR(40)                 NOT NULL,
    text            VARCHAR,
    media_id        VARCHAR(100),
    payload         VARCHAR                     NOT NULL,
    status          VARCHAR(20)                 NOT NULL,
    error_code      INTEGER,
    error_title     VARCHAR(500),
    error_details   VARCHAR,
    sent_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    stored_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited          BOOLEAN                     NOT NULL,
    revoked         BOOLEAN                     NOT NULL,
    version         BIGINT                      NOT NULL,
    CONSTRAINT uk_message_wamid UNIQUE (tenant_id, wamid)
);
CREATE INDEX ix_message_conversation ON message (conversation_id, sent_at);

CREATE TABLE message_status (
    id            UUID                        NOT NULL PRIMARY KEY,
    message_id    UUID                        NOT NULL REFERENCES message (id),
    status        VARCHAR(20)                 NOT NULL,
    occurred_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    error_code    INTEGER,
    error_title   VARCHAR(500),
    error_details VARCHAR,
    pricing       VARCHAR,
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_message_status UNIQUE (message_id, status)
);

CREATE TABLE message_revision (
    id               UUID                        NOT NULL PRIMARY KEY,
    message_id       UUID                        NOT NULL REFERENCES message (id),
    event_wamid      VARCHAR(200)                NOT NULL,
    kind             VARCHAR(10)                 NOT NULL,
    previous_text    VARCHAR,
    previous_payload VARCHAR                     NOT NULL,
    changed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_message_revision UNIQUE (message_id, event_wamid)
);

CREATE TABLE pending_status (
    id          UUID                        NOT NULL PRIMARY KEY,
    tenant_id   UUID                        NOT NULL REFERENCES tenant (id),
    wamid       VARCHAR(200)                NOT NULL,
    status      VARCHAR(20)                 NOT NULL,
    payload     VARCHAR                     NOT NULL,
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_pending_status UNIQUE (tenant_id, wamid, status)
);

-- Coexistence lifecycle of each tenant's number (account_update) and Business App activity.
ALTER TABLE tenant ADD COLUMN number_state VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE tenant ADD COLUMN number_state_reason VARCHAR(100);
ALTER TABLE tenant ADD COLUMN number_state_changed_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE tenant ADD COLUMN last_business_app_activity_at TIMESTAMP(6) WITH TIME ZONE;
