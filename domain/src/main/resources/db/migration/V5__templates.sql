-- Templates: each tenant's WABA templates as Meta approved them, checked before a template send.
CREATE TABLE message_template (
    id               UUID                        NOT NULL PRIMARY KEY,
    tenant_id        UUID                        NOT NULL REFERENCES tenant (id),
    meta_id          VARCHAR(64),
    name             VARCHAR(512)                NOT NULL,
    language         VARCHAR(20)                 NOT NULL,
    category         VARCHAR(20)                 NOT NULL,
    status           VARCHAR(30)                 NOT NULL,
    status_reason    VARCHAR(1000),
    parameter_format VARCHAR(12)                 NOT NULL,
    components       VARCHAR                     NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version          BIGINT                      NOT NULL,
    CONSTRAINT uk_message_template UNIQUE (tenant_id, name, language)
);
