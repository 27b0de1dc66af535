-- Lockout cannot be turned against a user (issue 10): failed sign-ins are counted per username AND source address,
-- so a flood of wrong passwords from one address locks that address out of that account, not the account itself.
-- The account as a whole is only slowed, by the failures of every source together (LoginThrottle).
ALTER TABLE login_throttle ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey;
ALTER TABLE login_throttle ADD PRIMARY KEY (username, source);
