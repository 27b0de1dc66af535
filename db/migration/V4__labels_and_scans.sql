-- Label signing keys (SPEC §5) and idempotent scan batches.

-- Keys that sign label payloads. Generated on first start when none is configured; never shipped.
-- The newest key not retired signs; every key not retired verifies, so labels survive a rotation.
CREATE TABLE label_key (
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Z2-7]{4}$'),
    secret      bytea       NOT NULL CHECK (length(secret) >= 16),
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

-- One row per scan id a client sent: a retried batch is answered from here and never counted twice.
CREATE TABLE scan (
    scan_id         uuid        PRIMARY KEY,
    payload_sha256  bytea       NOT NULL,
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    device_id       text        NOT NULL,
    purpose         text        NOT NULL CHECK (purpose IN ('CONFIRM', 'LOOKUP')),
    transfer_id     uuid,
    asset_id        uuid,
    scanned_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    result          text        NOT NULL,
    answer          jsonb       NOT NULL
);
CREATE INDEX scan_by_transfer ON scan (transfer_id) WHERE transfer_id IS NOT NULL;

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON label_key TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON scan TO %I', '${app_role}');
    END IF;
END
$$;
