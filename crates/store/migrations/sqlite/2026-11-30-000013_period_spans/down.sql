CREATE INDEX membership_periods_org ON membership_periods(org_id, valid_from);
DROP INDEX membership_periods_span;
