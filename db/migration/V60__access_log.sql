-- Art. 2.1: every read of an asset's record by a contractor- or subcontractor-side user, kept as evidence.
-- No foreign keys: a key check would take KEY SHARE locks on asset rows that confirmations lock FOR UPDATE,
-- making reads wait for custody changes; the ids are what the evidence needs.
-- Written in groups (one multi-row INSERT per group of concurrent reads); never updated or deleted.
CREATE TABLE asset_access (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    user_id       uuid        NOT NULL,
    party_id      uuid        NOT NULL,
    asset_id      uuid        NOT NULL,
    contract_id   uuid        NOT NULL,
    action        text        NOT NULL CHECK (action IN ('DETAIL', 'EVENTS', 'LABEL', 'REPORT')),
    outcome       text        NOT NULL CHECK (outcome IN ('READ', 'REFUSED')),
    refusal_code  text,
    device_id     text        CHECK (length(device_id) <= 200),
    address       text        CHECK (length(address) <= 100),
    CONSTRAINT asset_access_refusal_has_code CHECK ((outcome = 'REFUSED') = (refusal_code IS NOT NULL))
);
-- the auditor's searches: by asset, by user, by contract, each in time order
CREATE INDEX asset_access_by_asset ON asset_access (asset_id, occurred_at);
CREATE INDEX asset_access_by_user ON asset_access (user_id, occurred_at);
CREATE INDEX asset_access_by_contract ON asset_access (contract_id, occurred_at);

CREATE TRIGGER asset_access_is_evidence BEFORE UPDATE OR DELETE ON asset_access
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER asset_access_no_truncate BEFORE TRUNCATE ON asset_access
    FOR EACH STATEMENT EXECUTE FUNCTION row_is_evidence();

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT ON asset_access TO %I', '${app_role}');
        EXECUTE format('GRANT USAGE ON SEQUENCE asset_access_id_seq TO %I', '${app_role}');
    END IF;
END
$$;
