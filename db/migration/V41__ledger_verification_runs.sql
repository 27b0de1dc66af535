-- Ledger verification started from the console (auditors): a run's progress and result live here, not in the memory
-- of the instance doing the work, so any instance shows them. ${app_role} as in V2.

CREATE TABLE ledger_verification (
    id              uuid        PRIMARY KEY,
    -- only the chains of one contract, or every chain when null
    contract_id     uuid        REFERENCES contract (id),
    started_by      uuid        NOT NULL REFERENCES app_user (id),
    started_at      timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'VERIFIED', 'BROKEN', 'FAILED')),
    assets_total    bigint      NOT NULL CHECK (assets_total >= 0),
    assets_checked  bigint      NOT NULL DEFAULT 0,
    events_checked  bigint      NOT NULL DEFAULT 0,
    -- the working instance writes this every second or so; a RUNNING run whose heartbeat stopped was interrupted
    heartbeat_at    timestamptz NOT NULL,
    finished_at     timestamptz,
    failure         text,
    CONSTRAINT ledger_verification_finished CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX ledger_verification_by_started_at ON ledger_verification (started_at DESC);

-- The first broken link of each broken chain a run found.
CREATE TABLE ledger_verification_break (
    verification_id  uuid    NOT NULL REFERENCES ledger_verification (id),
    asset_id         uuid    NOT NULL REFERENCES asset (id),
    tag              text,
    seq              integer NOT NULL,
    reason           text    NOT NULL,
    PRIMARY KEY (verification_id, asset_id)
);

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON ledger_verification TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON ledger_verification_break TO %I', '${app_role}');
    END IF;
END
$$;

-- The auditor's evidence list: refused attempts across the agency, newest first, filtered by date (and rule).
CREATE INDEX custody_event_refusals_by_time ON custody_event (occurred_at DESC) INCLUDE (refusal_code, article)
    WHERE refusal_code IS NOT NULL;
