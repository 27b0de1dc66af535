-- Least privilege for the role the application connects as. When the application connects as the owner
-- itself (a single-role setup), grants are moot and the trigger in V1 still keeps the ledger append-only.
DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON party, app_user, contract, asset, approval, transfer, transfer_line,
                        login_throttle TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_token, asset_party_access, approval_asset TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON system_secret TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT ON custody_event TO %I', '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE asset_tag_seq TO %I', '${app_role}');
        -- login_throttle rows are removed after a success
        EXECUTE format('GRANT DELETE ON login_throttle TO %I', '${app_role}');
    END IF;
END
$$;
