-- Azukari custody core: parties, users, contracts, assets, approvals, transfers and the ledger.
-- Runs as the schema owner. ${app_role} is the role the application connects as (least privilege, see V2).

CREATE TABLE party (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('AGENCY', 'CONTRACTOR', 'SUBCONTRACTOR')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT party_name_unique UNIQUE (name),
    CONSTRAINT party_name_not_blank CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

CREATE TABLE app_user (
    id                    uuid        PRIMARY KEY,
    username              text        NOT NULL,
    display_name          text        NOT NULL,
    party_id              uuid        NOT NULL REFERENCES party (id),
    role                  text        NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'CLERK', 'AUDITOR', 'CUSTODIAN')),
    password_hash         text        NOT NULL,
    active                boolean     NOT NULL DEFAULT true,
    training_completed_on date,
    training_valid_until  date,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    CONSTRAINT app_user_training_dates CHECK (training_valid_until IS NULL OR training_completed_on IS NULL
                                              OR training_valid_until >= training_completed_on)
);
CREATE INDEX app_user_by_party ON app_user (party_id);

-- Refresh tokens are stored as SHA-256 of the token; a token is spent on use (rotation) and a reuse
-- of a spent token revokes its whole family.
CREATE TABLE refresh_token (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX refresh_token_by_family ON refresh_token (family_id);

-- Failed logins per username, shared by every backend instance.
CREATE TABLE login_throttle (
    username         text        PRIMARY KEY,
    failures         integer     NOT NULL DEFAULT 0,
    last_failure_at  timestamptz,
    locked_until     timestamptz
);

-- Generated secrets (JWT signing key when none is configured). Never shipped, made on first start.
CREATE TABLE system_secret (
    name        text        PRIMARY KEY,
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contract (
    id                   uuid        PRIMARY KEY,
    number               text        NOT NULL,
    title                text        NOT NULL,
    agency_party_id      uuid        NOT NULL REFERENCES party (id),
    contractor_party_id  uuid        NOT NULL REFERENCES party (id),
    starts_on            date        NOT NULL,
    ends_on              date        NOT NULL,
    return_due_on        date        NOT NULL,
    status               text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'CLOSED')),
    completed_on         date,
    closed_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contract_number_unique UNIQUE (number),
    CONSTRAINT contract_dates_in_order CHECK (ends_on >= starts_on AND return_due_on >= starts_on)
);
CREATE INDEX contract_by_contractor ON contract (contractor_party_id);

CREATE TABLE asset (
    id                     uuid        PRIMARY KEY,
    tag                    text        NOT NULL,
    contract_id            uuid        NOT NULL REFERENCES contract (id),
    kind                   text        NOT NULL CHECK (kind IN ('DOCUMENT', 'DATA', 'RECORDING_MEDIA', 'EQUIPMENT', 'SOFTWARE')),
    title                  text        NOT NULL,
    serial_number          text,
    sensitivity            text        NOT NULL CHECK (sensitivity IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'PERSONAL_DATA')),
    handling_requirements  text,
    copy_of                uuid        REFERENCES asset (id),
    custody_state          text        NOT NULL CHECK (custody_state IN ('REGISTERED', 'WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR',
                                                                         'RETURNED', 'DISPOSED', 'LOST')),
    holder_party_id        uuid        NOT NULL REFERENCES party (id),
    -- due date while held outside the agency: the contract's return date or an earlier approval end
    due_on                 date,
    -- head of this asset's ledger chain; the row lock on it serialises appends for this asset only
    last_seq               integer     NOT NULL DEFAULT 0,
    last_hash              bytea,
    created_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT asset_tag_unique UNIQUE (tag),
    CONSTRAINT asset_tag_format CHECK (tag ~ '^[A-Z0-9][A-Z0-9./-]{0,39}$')
);
CREATE INDEX asset_by_contract ON asset (contract_id, tag);
CREATE INDEX asset_by_holder ON asset (holder_party_id, custody_state);

CREATE SEQUENCE asset_tag_seq;

-- Which parties may see an asset (held, once held, or offered to them): written when a transfer names them.
CREATE TABLE asset_party_access (
    asset_id  uuid NOT NULL REFERENCES asset (id),
    party_id  uuid NOT NULL REFERENCES party (id),
    PRIMARY KEY (party_id, asset_id)
);

CREATE TABLE approval (
    id                      uuid        PRIMARY KEY,
    contract_id             uuid        NOT NULL REFERENCES contract (id),
    kind                    text        NOT NULL CHECK (kind IN ('TAKE_OUT', 'PROVIDE_TO_SUBCONTRACTOR', 'COPY', 'DISPOSE_INSTEAD_OF_RETURN')),
    subcontractor_party_id  uuid        REFERENCES party (id),
    whole_contract          boolean     NOT NULL,
    requested_by            uuid        NOT NULL REFERENCES app_user (id),
    requested_at            timestamptz NOT NULL,
    decided_by              uuid        REFERENCES app_user (id),
    decided_at              timestamptz,
    status                  text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    valid_until             date        NOT NULL,
    reason                  text        NOT NULL,
    decision_note           text,
    CONSTRAINT approval_names_subcontractor CHECK ((kind = 'PROVIDE_TO_SUBCONTRACTOR') = (subcontractor_party_id IS NOT NULL)),
    CONSTRAINT approval_decided CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE INDEX approval_by_contract ON approval (contract_id, status);
CREATE INDEX approval_by_subcontractor ON approval (subcontractor_party_id) WHERE subcontractor_party_id IS NOT NULL;

CREATE TABLE approval_asset (
    approval_id  uuid NOT NULL REFERENCES approval (id),
    asset_id     uuid NOT NULL REFERENCES asset (id),
    PRIMARY KEY (approval_id, asset_id)
);

CREATE TABLE transfer (
    id             uuid        PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('ISSUE', 'HANDOFF', 'RECOVER', 'RETURN')),
    contract_id    uuid        NOT NULL REFERENCES contract (id),
    from_party_id  uuid        NOT NULL REFERENCES party (id),
    to_party_id    uuid        NOT NULL REFERENCES party (id),
    approval_id    uuid        REFERENCES approval (id),
    status         text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'COMPLETED', 'CANCELLED')),
    started_by     uuid        NOT NULL REFERENCES app_user (id),
    started_at     timestamptz NOT NULL,
    closed_at      timestamptz,
    CONSTRAINT transfer_handoff_needs_approval CHECK (kind <> 'HANDOFF' OR approval_id IS NOT NULL),
    CONSTRAINT transfer_between_two_parties CHECK (from_party_id <> to_party_id)
);
CREATE INDEX transfer_by_contract ON transfer (contract_id, started_at);
CREATE INDEX transfer_by_to_party ON transfer (to_party_id, status);
CREATE INDEX transfer_by_from_party ON transfer (from_party_id, status);

CREATE TABLE transfer_line (
    transfer_id   uuid        NOT NULL REFERENCES transfer (id),
    asset_id      uuid        NOT NULL REFERENCES asset (id),
    line_no       integer     NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'MISSING', 'CANCELLED')),
    confirmed_by  uuid        REFERENCES app_user (id),
    confirmed_at  timestamptz,
    device_id     text,
    PRIMARY KEY (transfer_id, asset_id)
);
-- An asset is in at most one open transfer: a line stays PENDING only while its transfer is open.
CREATE UNIQUE INDEX transfer_line_one_pending_per_asset ON transfer_line (asset_id) WHERE status = 'PENDING';

-- The ledger. One row per custody change or refused attempt; per-asset gapless sequence and hash chain.
CREATE TABLE custody_event (
    asset_id         uuid        NOT NULL REFERENCES asset (id),
    seq              integer     NOT NULL CHECK (seq >= 1),
    id               uuid        NOT NULL,
    contract_id      uuid        NOT NULL,
    type             text        NOT NULL,
    from_party_id    uuid,
    to_party_id      uuid,
    actor_user_id    uuid,
    device_id        text,
    location         text,
    occurred_at      timestamptz NOT NULL,
    transfer_id      uuid,
    approval_id      uuid,
    incident_id      uuid,
    scanned_payload  text,
    refusal_code     text,
    article          text,
    note             text,
    prev_hash        bytea       NOT NULL,
    hash             bytea       NOT NULL,
    PRIMARY KEY (asset_id, seq),
    CONSTRAINT custody_event_id_unique UNIQUE (id)
);
CREATE INDEX custody_event_by_contract ON custody_event (contract_id, occurred_at);
CREATE INDEX custody_event_by_transfer ON custody_event (transfer_id) WHERE transfer_id IS NOT NULL;

-- The ledger is append-only for everybody, owner included; the trigger is the second wall behind the grants.
CREATE FUNCTION custody_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'custody_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER custody_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON custody_event
    FOR EACH ROW EXECUTE FUNCTION custody_event_is_append_only();

CREATE TRIGGER custody_event_no_truncate
    BEFORE TRUNCATE ON custody_event
    FOR EACH STATEMENT EXECUTE FUNCTION custody_event_is_append_only();
