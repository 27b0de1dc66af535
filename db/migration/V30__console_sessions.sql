-- The web console (issue 11): the language each user reads it in, and browser sessions kept in the database so
-- every backend instance serves them and a restart keeps people signed in.
ALTER TABLE app_user ADD COLUMN locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en'));

-- Only a SHA-256 of the cookie value is stored: a copy of this table signs nobody in.
CREATE TABLE console_session (
    token_hash   bytea       PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES app_user (id),
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX console_session_by_user ON console_session (user_id);

-- A console form carries a one-time submission id; a second submit of the same form (a double click, the back
-- button, a retry) finds its id taken and stores nothing again.
CREATE TABLE console_submission (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    outcome    text
);

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON console_session, console_submission TO %I', '${app_role}');
    END IF;
END
$$;
