-- The application only ever retires a label key (sets retired_at); it may no longer overwrite a key's
-- secret or id, so a compromised application role cannot swap the key that verifies labels.
-- ${app_role} as in V2.
DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('REVOKE UPDATE ON label_key FROM %I', '${app_role}');
        EXECUTE format('GRANT UPDATE (retired_at) ON label_key TO %I', '${app_role}');
    END IF;
END
$$;
