-- The manager's dashboard (console part 2): change notifications for live updates across instances, and the
-- indexes of its counts. ${app_role} as in V2.

-- Every change the dashboard shows is announced on the channel 'azukari_changes' in the transaction that makes it,
-- so no service has to remember to and every instance LISTENing hears it (SPEC §9: nothing kept in one instance's
-- memory). The payload is the table's name; a listener re-reads what it shows. Statement-level, with a fixed payload:
-- PostgreSQL folds identical notifications of one transaction into one, so a confirmation of 500 lines costs one.
CREATE FUNCTION announce_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('azukari_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

-- a line confirmed or closed as MISSING
CREATE TRIGGER transfer_line_announces AFTER UPDATE OF status ON transfer_line
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
-- a transfer opened, completed or cancelled
CREATE TRIGGER transfer_announces AFTER INSERT OR UPDATE OF status ON transfer
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
-- an asset returned, handed on, disposed, lost, or its due date moved
CREATE TRIGGER asset_announces AFTER UPDATE OF custody_state, holder_party_id, due_on ON asset
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
-- an approval requested or decided
CREATE TRIGGER approval_announces AFTER INSERT OR UPDATE OF status ON approval
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
-- an incident opened, investigated or closed
CREATE TRIGGER incident_announces AFTER INSERT OR UPDATE OF status ON incident
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
-- a contract completed (everything held falls due) or closed
CREATE TRIGGER contract_announces AFTER INSERT OR UPDATE OF status, return_due_on, completed_on ON contract
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();

-- dashboard: open transfers older than a day
CREATE INDEX transfer_open_by_started_at ON transfer (started_at) WHERE status = 'OPEN';
-- dashboard and approvals queue: pending approvals, oldest first
CREATE INDEX approval_pending_by_requested_at ON approval (requested_at) WHERE status = 'PENDING';
-- dashboard and incident list: incidents not yet closed
CREATE INDEX incident_open_by_reported_at ON incident (reported_at) WHERE status <> 'CLOSED';
