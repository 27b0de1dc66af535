-- Signed ledger digests and audit sessions (inventory), SPEC §3, §6, articles 8 and 9.

-- A digest the installation signed: what it covered and its Merkle root (docs/ledger.md). Kept so that a digest
-- presented later can be checked against the live ledger, chain by chain.
CREATE TABLE ledger_digest (
    id               uuid        PRIMARY KEY,
    taken_at         timestamptz NOT NULL,
    scope            text        NOT NULL CHECK (scope = 'ALL' OR scope ~ '^CONTRACT:[0-9a-f-]{36}$'),
    chains           bigint      NOT NULL CHECK (chains >= 0),
    events           bigint      NOT NULL CHECK (events >= 0),
    root             bytea       NOT NULL CHECK (length(root) = 32),
    key_fingerprint  text        NOT NULL,
    signature        bytea       NOT NULL CHECK (length(signature) = 64),
    taken_by         uuid        NOT NULL REFERENCES app_user (id)
);

-- The digest's leaves in tree order, 52 bytes each (asset id 16, seq 4 big-endian, last hash 32), in chunks so a
-- digest of a million chains is a few hundred rows, not a million.
CREATE TABLE ledger_digest_chunk (
    digest_id  uuid    NOT NULL REFERENCES ledger_digest (id),
    chunk_no   integer NOT NULL CHECK (chunk_no >= 0),
    leaves     bytea   NOT NULL CHECK (length(leaves) % 52 = 0),
    PRIMARY KEY (digest_id, chunk_no)
);

CREATE TRIGGER ledger_digest_is_evidence BEFORE UPDATE OR DELETE ON ledger_digest
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER ledger_digest_chunk_is_evidence BEFORE UPDATE OR DELETE ON ledger_digest_chunk
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- An inventory at one party (and location, and contract): the expected set is fixed at opening from the ledger.
CREATE TABLE audit (
    id           uuid        PRIMARY KEY,
    party_id     uuid        NOT NULL REFERENCES party (id),
    location     text        CHECK (length(location) <= 200),
    contract_id  uuid        REFERENCES contract (id),
    status       text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_by    uuid        NOT NULL REFERENCES app_user (id),
    opened_at    timestamptz NOT NULL,
    closed_by    uuid        REFERENCES app_user (id),
    closed_at    timestamptz,
    CONSTRAINT audit_closed_has_time CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE INDEX audit_by_party ON audit (party_id, opened_at);
CREATE INDEX audit_by_contract ON audit (contract_id) WHERE contract_id IS NOT NULL;

CREATE TABLE audit_expected (
    audit_id  uuid NOT NULL REFERENCES audit (id),
    asset_id  uuid NOT NULL REFERENCES asset (id),
    PRIMARY KEY (audit_id, asset_id)
);

-- One row per scan id: a retried scan is never counted twice.
CREATE TABLE audit_scan (
    scan_id          uuid        PRIMARY KEY,
    audit_id         uuid        NOT NULL REFERENCES audit (id),
    asset_id         uuid        NOT NULL REFERENCES asset (id),
    scanned_by       uuid        NOT NULL REFERENCES app_user (id),
    device_id        text        NOT NULL,
    location         text,
    scanned_at       timestamptz NOT NULL,
    expected         boolean     NOT NULL,
    -- where the ledger placed the asset when it was scanned
    holder_party_id  uuid        NOT NULL REFERENCES party (id),
    custody_state    text        NOT NULL
);
CREATE INDEX audit_scan_by_audit ON audit_scan (audit_id, asset_id);

-- The result, fixed when the audit closes.
CREATE TABLE audit_result (
    audit_id         uuid        NOT NULL REFERENCES audit (id),
    asset_id         uuid        NOT NULL REFERENCES asset (id),
    outcome          text        NOT NULL CHECK (outcome IN ('FOUND', 'MISSING', 'UNEXPECTED')),
    holder_party_id  uuid        NOT NULL REFERENCES party (id),
    custody_state    text        NOT NULL,
    scans            integer     NOT NULL CHECK (scans >= 0),
    first_seen_at    timestamptz,
    event_seq        integer,
    incident_id      uuid,
    PRIMARY KEY (audit_id, asset_id),
    CONSTRAINT audit_result_seen CHECK ((outcome = 'MISSING') = (first_seen_at IS NULL))
);

-- Audit scans go through POST /api/v1/scans like the others.
ALTER TABLE scan DROP CONSTRAINT IF EXISTS scan_purpose_check;
ALTER TABLE scan ADD CONSTRAINT scan_purpose_check CHECK (purpose IN ('CONFIRM', 'LOOKUP', 'AUDIT'));

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT ON ledger_digest, ledger_digest_chunk, audit_expected, audit_scan TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON audit TO %I', '${app_role}');
        -- incident_id is set when a MISSING asset's LOSS is reported from the result
        EXECUTE format('GRANT SELECT, INSERT ON audit_result TO %I', '${app_role}');
        EXECUTE format('GRANT UPDATE (incident_id) ON audit_result TO %I', '${app_role}');
    END IF;
END
$$;
