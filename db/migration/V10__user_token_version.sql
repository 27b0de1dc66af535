-- Access ends when it should (issue 10): every access token carries the user's token_version when it was issued,
-- and the request path compares it with the current one. Any change that must end access — deactivation, a new
-- role or party, a new password — moves the version on, here in the database, whoever makes the change; a sign-out
-- moves it on from the application. Each move is announced on the channel azukari_user_state (payload: the user id),
-- so every backend instance drops what it remembered of that user at once.
ALTER TABLE app_user ADD COLUMN token_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION app_user_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.active IS DISTINCT FROM OLD.active OR NEW.role IS DISTINCT FROM OLD.role
            OR NEW.party_id IS DISTINCT FROM OLD.party_id OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
            OR NEW.username IS DISTINCT FROM OLD.username THEN
        NEW.token_version := greatest(NEW.token_version, OLD.token_version + 1);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER app_user_token_version BEFORE UPDATE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_token_version();

CREATE FUNCTION app_user_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('azukari_user_state', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_state_changed AFTER UPDATE ON app_user
    FOR EACH ROW WHEN (NEW.token_version IS DISTINCT FROM OLD.token_version)
    EXECUTE FUNCTION app_user_state_changed();
