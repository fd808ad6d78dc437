-- Tenancy: Meta apps, tenants, console users and API keys. Valid on H2 2.x and PostgreSQL 15.
CREATE TABLE meta_app (
    id                  UUID                     NOT NULL PRIMARY KEY,
    app_id              VARCHAR(30)              NOT NULL,
    name                VARCHAR(200)             NOT NULL,
    app_secret_sealed   VARCHAR(1000)            NOT NULL,
    verify_token_sealed VARCHAR(1000)            NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT uk_meta_app_app_id UNIQUE (app_id)
);

CREATE TABLE tenant (
    id                  UUID                     NOT NULL PRIMARY KEY,
    meta_app_id         UUID                     NOT NULL REFERENCES meta_app (id),
    name                VARCHAR(200)             NOT NULL,
    waba_id             VARCHAR(30)              NOT NULL,
    phone_number_id     VARCHAR(30)              NOT NULL,
    display_number      VARCHAR(15)              NOT NULL,
    coexistence         BOOLEAN                  NOT NULL,
    throughput_tier     VARCHAR(20)              NOT NULL,
    graph_api_version   VARCHAR(10)              NOT NULL,
    access_token_sealed VARCHAR(4000),
    time_zone           VARCHAR(60)              NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    active              BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT uk_tenant_phone_number_id UNIQUE (phone_number_id)
);
CREATE INDEX ix_tenant_waba ON tenant (waba_id);
CREATE INDEX ix_tenant_name ON tenant (name);

CREATE TABLE user_account (
    id            UUID                     NOT NULL PRIMARY KEY,
    username      VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(500)             NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    tenant_id     UUID                     REFERENCES tenant (id),
    active        BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL,
    CONSTRAINT uk_user_account_username UNIQUE (username)
);

CREATE TABLE api_key (
    id          UUID                     NOT NULL PRIMARY KEY,
    tenant_id   UUID                     REFERENCES tenant (id),
    name        VARCHAR(100)             NOT NULL,
    role        VARCHAR(20)              NOT NULL,
    key_hash    VARCHAR(64)              NOT NULL,
    key_prefix  VARCHAR(12)              NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_key_tenant ON api_key (tenant_id);
