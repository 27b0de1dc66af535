-- Contract end (articles 3, 6, 7, 8): completion and close-out, the overdue report's indexes, certified disposal,
-- take-out, incidents, the daily reminders, and the agency's settings. ${app_role} as in V2.

-- Completion and close (art. 6, 7): who did it. completed_on and closed_at exist since V1.
ALTER TABLE contract
    ADD COLUMN completed_by uuid REFERENCES app_user (id),
    ADD COLUMN closed_by    uuid REFERENCES app_user (id),
    ADD CONSTRAINT contract_completed_has_date CHECK ((status = 'ACTIVE') = (completed_on IS NULL)),
    ADD CONSTRAINT contract_closed_has_time CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL));

-- The overdue report reads only assets held outside the agency (about a tenth of all assets), by due date:
-- everything, one contract, or one holder (a custodian's own report). Literal states so the planner matches them;
-- the included columns are all the report shows of an asset, so it is answered from the index alone.
CREATE INDEX asset_overdue_by_due_on ON asset (due_on)
    INCLUDE (id, contract_id, holder_party_id, custody_state, tag, title, kind, sensitivity)
    WHERE custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR');
CREATE INDEX asset_overdue_by_contract ON asset (contract_id, due_on)
    INCLUDE (id, holder_party_id, custody_state, tag, title, kind, sensitivity)
    WHERE custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR');
CREATE INDEX asset_overdue_by_holder ON asset (holder_party_id, due_on)
    INCLUDE (id, contract_id, custody_state, tag, title, kind, sensitivity)
    WHERE custody_state IN ('WITH_CONTRACTOR', 'WITH_SUBCONTRACTOR');
-- a copy's original, for the contract report
CREATE INDEX asset_copies_by_original ON asset (copy_of) WHERE copy_of IS NOT NULL;

-- Rows that are evidence: nobody changes or removes them, the owner included (second wall behind the grants).
CREATE FUNCTION row_is_evidence() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is kept as evidence: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Agency-wide settings an ADMIN changes at run time, e.g. 'training.required' (art. 3), off until set.
CREATE TABLE agency_setting (
    name        text        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9.-]{0,63}$'),
    value       text        NOT NULL,
    updated_by  uuid        REFERENCES app_user (id),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Certified disposal instead of return (art. 6 proviso): once per asset, under an approval, with its certificate.
CREATE TABLE disposal (
    id                        uuid        PRIMARY KEY,
    asset_id                  uuid        NOT NULL REFERENCES asset (id),
    contract_id               uuid        NOT NULL REFERENCES contract (id),
    approval_id               uuid        NOT NULL REFERENCES approval (id),
    party_id                  uuid        NOT NULL REFERENCES party (id),
    method                    text        NOT NULL CHECK (method IN ('SHREDDING', 'DEGAUSSING', 'CRYPTOGRAPHIC_ERASE',
                                                                     'PHYSICAL_DESTRUCTION')),
    disposed_on               date        NOT NULL,
    witness                   text        NOT NULL CHECK (length(btrim(witness)) BETWEEN 1 AND 200),
    note                      text,
    certificate_filename      text        NOT NULL,
    certificate_content_type  text        NOT NULL,
    certificate_size          integer     NOT NULL CHECK (certificate_size > 0),
    certificate_sha256        bytea       NOT NULL CHECK (length(certificate_sha256) = 32),
    recorded_by               uuid        NOT NULL REFERENCES app_user (id),
    recorded_at               timestamptz NOT NULL,
    CONSTRAINT disposal_once_per_asset UNIQUE (asset_id)
);
CREATE INDEX disposal_by_contract ON disposal (contract_id);

CREATE TABLE disposal_certificate (
    disposal_id  uuid  PRIMARY KEY REFERENCES disposal (id),
    content      bytea NOT NULL
);

CREATE TRIGGER disposal_is_evidence BEFORE UPDATE OR DELETE ON disposal
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER disposal_certificate_is_evidence BEFORE UPDATE OR DELETE ON disposal_certificate
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Taking an asset off the holder's premises under a TAKE_OUT approval (art. 2.3), and bringing it back.
CREATE TABLE take_out (
    id               uuid        PRIMARY KEY,
    asset_id         uuid        NOT NULL REFERENCES asset (id),
    contract_id      uuid        NOT NULL REFERENCES contract (id),
    approval_id      uuid        NOT NULL REFERENCES approval (id),
    party_id         uuid        NOT NULL REFERENCES party (id),
    destination      text        NOT NULL,
    purpose          text,
    taken_out_by     uuid        NOT NULL REFERENCES app_user (id),
    taken_out_at     timestamptz NOT NULL,
    brought_back_by  uuid        REFERENCES app_user (id),
    brought_back_at  timestamptz,
    CONSTRAINT take_out_back_together CHECK ((brought_back_by IS NULL) = (brought_back_at IS NULL)),
    CONSTRAINT take_out_back_after_out CHECK (brought_back_at IS NULL OR brought_back_at >= taken_out_at)
);
-- an asset is out at most once at a time
CREATE UNIQUE INDEX take_out_one_open_per_asset ON take_out (asset_id) WHERE brought_back_at IS NULL;

-- Incidents (art. 8): reported by anyone involved, handled by the agency's MANAGERs. Never deleted.
CREATE TABLE incident (
    id                 uuid        PRIMARY KEY,
    contract_id        uuid        NOT NULL REFERENCES contract (id),
    kind               text        NOT NULL CHECK (kind IN ('LOSS', 'THEFT', 'SUSPECTED_LEAK', 'UNAUTHORISED_COPY',
                                                            'UNAUTHORISED_TAKE_OUT', 'OTHER')),
    occurred_at        timestamptz NOT NULL,
    reported_by        uuid        NOT NULL REFERENCES app_user (id),
    reporter_party_id  uuid        NOT NULL REFERENCES party (id),
    reported_at        timestamptz NOT NULL,
    description        text        NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
    status             text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'INVESTIGATING', 'CLOSED')),
    -- set when the incident was opened by closing a transfer with MISSING lines
    transfer_id        uuid        REFERENCES transfer (id),
    closed_by          uuid        REFERENCES app_user (id),
    closed_at          timestamptz,
    CONSTRAINT incident_closed_has_time CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX incident_by_contract ON incident (contract_id, reported_at);

CREATE TABLE incident_asset (
    incident_id  uuid NOT NULL REFERENCES incident (id),
    asset_id     uuid NOT NULL REFERENCES asset (id),
    PRIMARY KEY (incident_id, asset_id)
);
CREATE INDEX incident_asset_by_asset ON incident_asset (asset_id);

-- The incident's timeline: the agency's instructions and each change of status.
CREATE TABLE incident_entry (
    id           uuid        PRIMARY KEY,
    incident_id  uuid        NOT NULL REFERENCES incident (id),
    -- 1, 2, 3… per incident, written under the incident's row lock: the timeline's order
    entry_no     integer     NOT NULL CHECK (entry_no >= 1),
    kind         text        NOT NULL CHECK (kind IN ('INSTRUCTION', 'STATUS_CHANGE')),
    status       text        CHECK (status IN ('OPEN', 'INVESTIGATING', 'CLOSED')),
    text         text        CHECK (length(text) <= 4000),
    written_by   uuid        NOT NULL REFERENCES app_user (id),
    written_at   timestamptz NOT NULL,
    CONSTRAINT incident_entry_shape CHECK ((kind = 'STATUS_CHANGE') = (status IS NOT NULL)
                                           AND (kind <> 'INSTRUCTION' OR length(btrim(text)) > 0)),
    CONSTRAINT incident_entry_in_order UNIQUE (incident_id, entry_no)
);

CREATE TRIGGER incident_is_evidence BEFORE DELETE ON incident
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER incident_asset_is_evidence BEFORE UPDATE OR DELETE ON incident_asset
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER incident_entry_is_evidence BEFORE UPDATE OR DELETE ON incident_entry
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Daily reminders. A day's run is claimed by inserting its row, so one instance among many does it; a claim
-- left unfinished for long may be taken over, and the unique key keeps every reminder once all the same.
CREATE TABLE reminder_run (
    day             date        PRIMARY KEY,
    claimed_by      text        NOT NULL,
    claimed_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    overdue_count   integer,
    due_soon_count  integer,
    delivered_count integer
);

CREATE TABLE reminder (
    id               uuid        PRIMARY KEY,
    day              date        NOT NULL REFERENCES reminder_run (day),
    kind             text        NOT NULL CHECK (kind IN ('OVERDUE', 'DUE_SOON')),
    asset_id         uuid        NOT NULL REFERENCES asset (id),
    contract_id      uuid        NOT NULL REFERENCES contract (id),
    holder_party_id  uuid        NOT NULL REFERENCES party (id),
    due_on           date        NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    CONSTRAINT reminder_once_per_asset_day_kind UNIQUE (asset_id, day, kind)
);
-- "was this asset already reminded of this due date?"
CREATE INDEX reminder_by_asset_due ON reminder (asset_id, kind, due_on);
CREATE INDEX reminder_by_day ON reminder (day, kind);
CREATE INDEX reminder_undelivered ON reminder (day) WHERE delivered_at IS NULL;

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON agency_setting, take_out, incident, reminder_run, reminder TO %I',
                       '${app_role}');
        -- evidence: written once, read forever
        EXECUTE format('GRANT SELECT, INSERT ON disposal, disposal_certificate, incident_asset, incident_entry TO %I',
                       '${app_role}');
    END IF;
END
$$;
