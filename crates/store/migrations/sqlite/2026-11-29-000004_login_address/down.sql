DROP INDEX login_attempts_address;
ALTER TABLE login_attempts DROP COLUMN address;
