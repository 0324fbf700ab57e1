-- Login attempts remember the address they came from, so repeated failures lock that
-- address out of one account (and a noisy address out of all), never the account itself.
ALTER TABLE login_attempts ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE INDEX login_attempts_address ON login_attempts(address, attempted_at);
