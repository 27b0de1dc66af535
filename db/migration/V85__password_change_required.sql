-- Issue 12: a password set by an administrator is a temporary one. The user must choose their own at the next
-- sign-in; until then the console shows only the change-password page and the API answers every other call with
-- a problem whose code is PASSWORD_CHANGE_REQUIRED. The app role already has SELECT, INSERT, UPDATE on app_user
-- (V2); a new column needs no further grant.
ALTER TABLE app_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
