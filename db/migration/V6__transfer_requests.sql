-- POST /transfers with an Idempotency-Key: the same key from the same user answers the transfer it made before,
-- so a client that lost the answer (a killed scanner, a dropped connection) can retry without a second transfer.
CREATE TABLE transfer_request (
    user_id          uuid        NOT NULL REFERENCES app_user (id),
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    -- null while the first request is still being decided; the claim is removed if it was refused
    transfer_id      uuid        REFERENCES transfer (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON transfer_request TO %I', '${app_role}');
    END IF;
END
$$;
