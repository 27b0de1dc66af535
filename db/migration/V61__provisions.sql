-- The other provisions: connected devices (art. 5), report requests (8.1), instruction acknowledgements of
-- incidents (8.3), certifications (9), incident publication (10), contract-level instructions (11).
-- ${app_role} as in V2. Evidence tables (events, answers, files, acknowledgements) get SELECT, INSERT only.

-- Art. 5: connecting a contractor's equipment to the agency's network needs the agency's prior approval.
ALTER TABLE approval DROP CONSTRAINT approval_kind_check;
ALTER TABLE approval ADD CONSTRAINT approval_kind_check
    CHECK (kind IN ('TAKE_OUT', 'PROVIDE_TO_SUBCONTRACTOR', 'COPY', 'DISPOSE_INSTEAD_OF_RETURN', 'NETWORK_CONNECTION'));

CREATE TABLE connected_device (
    id              uuid        PRIMARY KEY,
    contract_id     uuid        NOT NULL REFERENCES contract (id),
    owner_party_id  uuid        NOT NULL REFERENCES party (id),
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    identifier      text        CHECK (length(identifier) <= 200),
    purpose         text        NOT NULL CHECK (length(btrim(purpose)) BETWEEN 1 AND 1000),
    network         text        NOT NULL CHECK (length(btrim(network)) BETWEEN 1 AND 200),
    approval_id     uuid        NOT NULL REFERENCES approval (id),
    valid_until     date        NOT NULL,
    status          text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISCONNECTED')),
    registered_by   uuid        NOT NULL REFERENCES app_user (id),
    registered_at   timestamptz NOT NULL
);
CREATE INDEX connected_device_by_contract ON connected_device (contract_id, registered_at);

-- every change of a device's standing, and every refused connection check, with who and why
CREATE TABLE device_event (
    id          uuid        PRIMARY KEY,
    -- the order events were written in (several may share a timestamp)
    no          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    device_id   uuid        NOT NULL REFERENCES connected_device (id),
    kind        text        NOT NULL CHECK (kind IN ('REGISTERED', 'SUSPENDED', 'RESUMED', 'DISCONNECTED', 'CHECKED', 'REFUSED')),
    code        text,
    reason      text        CHECK (length(reason) <= 2000),
    actor_id    uuid        NOT NULL REFERENCES app_user (id),
    at          timestamptz NOT NULL
);
CREATE INDEX device_event_by_device ON device_event (device_id, at);
CREATE TRIGGER device_event_is_evidence BEFORE UPDATE OR DELETE ON device_event
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Files kept as evidence (report-request attachments, certification certificates), with their SHA-256.
CREATE TABLE evidence_file (
    id            uuid        PRIMARY KEY,
    filename      text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type  text        NOT NULL,
    size          integer     NOT NULL CHECK (size > 0),
    sha256        bytea       NOT NULL CHECK (length(sha256) = 32),
    content       bytea       NOT NULL,
    stored_by     uuid        NOT NULL REFERENCES app_user (id),
    stored_at     timestamptz NOT NULL,
    CONSTRAINT evidence_file_size CHECK (size = length(content))
);
CREATE TRIGGER evidence_file_is_evidence BEFORE UPDATE OR DELETE ON evidence_file
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Art. 8.1: the agency asks the contractor for a report on its compliance, once or every N months.
CREATE TABLE report_request (
    id                   uuid        PRIMARY KEY,
    contract_id          uuid        NOT NULL REFERENCES contract (id),
    contractor_party_id  uuid        NOT NULL REFERENCES party (id),
    subject              text        NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 2000),
    due_on               date        NOT NULL,
    every_months         integer     CHECK (every_months BETWEEN 1 AND 24),
    -- the request a periodic one was made from
    follows              uuid        REFERENCES report_request (id),
    requested_by         uuid        NOT NULL REFERENCES app_user (id),
    requested_at         timestamptz NOT NULL,
    answered_at          timestamptz
);
CREATE INDEX report_request_by_contract ON report_request (contract_id, due_on);
CREATE INDEX report_request_open ON report_request (due_on) WHERE answered_at IS NULL;

CREATE TABLE report_answer (
    id           uuid        PRIMARY KEY,
    request_id   uuid        NOT NULL UNIQUE REFERENCES report_request (id),
    text         text        NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 20000),
    answered_by  uuid        NOT NULL REFERENCES app_user (id),
    answered_at  timestamptz NOT NULL
);
CREATE TABLE report_attachment (
    answer_id  uuid NOT NULL REFERENCES report_answer (id),
    file_id    uuid NOT NULL REFERENCES evidence_file (id),
    PRIMARY KEY (answer_id, file_id)
);
CREATE TRIGGER report_answer_is_evidence BEFORE UPDATE OR DELETE ON report_answer
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();
CREATE TRIGGER report_attachment_is_evidence BEFORE UPDATE OR DELETE ON report_attachment
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Art. 8.3: the contractor's acknowledgement of each instruction the agency wrote on an incident.
CREATE TABLE incident_instruction_ack (
    entry_id         uuid        PRIMARY KEY REFERENCES incident_entry (id),
    acknowledged_by  uuid        NOT NULL REFERENCES app_user (id),
    acknowledged_at  timestamptz NOT NULL
);
CREATE TRIGGER incident_instruction_ack_is_evidence BEFORE UPDATE OR DELETE ON incident_instruction_ack
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Art. 9: third-party certifications (ISO/IEC 27001, ISMAP, P mark…) of a party.
CREATE TABLE certification (
    id             uuid        PRIMARY KEY,
    party_id       uuid        NOT NULL REFERENCES party (id),
    scheme         text        NOT NULL CHECK (length(btrim(scheme)) BETWEEN 1 AND 200),
    number         text        NOT NULL CHECK (length(btrim(number)) BETWEEN 1 AND 200),
    scope          text        NOT NULL CHECK (length(btrim(scope)) BETWEEN 1 AND 2000),
    valid_until    date        NOT NULL,
    file_id        uuid        NOT NULL REFERENCES evidence_file (id),
    registered_by  uuid        NOT NULL REFERENCES app_user (id),
    registered_at  timestamptz NOT NULL
);
CREATE INDEX certification_by_party ON certification (party_id, valid_until);
CREATE TRIGGER certification_is_evidence BEFORE UPDATE OR DELETE ON certification
    FOR EACH ROW EXECUTE FUNCTION row_is_evidence();

-- Art. 10: a publishable summary of an incident, approved by a second MANAGER.
CREATE TABLE incident_publication (
    id           uuid        PRIMARY KEY,
    incident_id  uuid        NOT NULL UNIQUE REFERENCES incident (id),
    summary      text        NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 8000),
    written_by   uuid        NOT NULL REFERENCES app_user (id),
    written_at   timestamptz NOT NULL,
    approved_by  uuid        REFERENCES app_user (id),
    approved_at  timestamptz,
    CONSTRAINT incident_publication_second_manager CHECK (approved_by IS NULL OR approved_by <> written_by),
    CONSTRAINT incident_publication_approved CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);

-- Art. 11: further measures the agency instructs under a contract.
CREATE TABLE contract_instruction (
    id               uuid        PRIMARY KEY,
    contract_id      uuid        NOT NULL REFERENCES contract (id),
    text             text        NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 4000),
    due_on           date        NOT NULL,
    issued_by        uuid        NOT NULL REFERENCES app_user (id),
    issued_at        timestamptz NOT NULL,
    acknowledged_by  uuid        REFERENCES app_user (id),
    acknowledged_at  timestamptz,
    done_by          uuid        REFERENCES app_user (id),
    done_at          timestamptz,
    done_note        text        CHECK (length(done_note) <= 4000),
    CONSTRAINT contract_instruction_in_order CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)
        AND (done_at IS NULL) = (done_by IS NULL) AND (done_at IS NULL OR acknowledged_at IS NOT NULL))
);
CREATE INDEX contract_instruction_by_contract ON contract_instruction (contract_id, due_on);

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON connected_device, report_request, incident_publication,
                        contract_instruction TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON device_event, evidence_file, report_answer, report_attachment,
                        incident_instruction_ack, certification TO %I', '${app_role}');
        EXECUTE format('GRANT USAGE ON SEQUENCE device_event_no_seq TO %I', '${app_role}');
    END IF;
END
$$;
