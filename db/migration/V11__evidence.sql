-- Evidence of attempts that were refused without touching an asset's chain (issue 10): labels presented to
-- /labels/resolve and /scans that are forged, foreign or malformed, and a requester deciding their own approval.
-- Append-only: the application role may SELECT and INSERT only, and a trigger refuses UPDATE, DELETE and TRUNCATE
-- for every role, owner included.
CREATE TABLE evidence (
    id           uuid        PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('LABEL_FORGED', 'LABEL_FOREIGN', 'LABEL_MALFORMED', 'SELF_APPROVAL')),
    user_id      uuid        REFERENCES app_user (id),
    username     text,
    device_id    text,
    endpoint     text        NOT NULL,
    presented    text,
    subject_id   uuid,
    article      text,
    detail       text
);
CREATE INDEX evidence_by_time ON evidence (occurred_at);
CREATE INDEX evidence_by_user ON evidence (user_id, occurred_at);

CREATE FUNCTION evidence_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER evidence_no_update_or_delete BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION evidence_is_append_only();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_is_append_only();

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT ON evidence TO %I', '${app_role}');
    END IF;
END
$$;
