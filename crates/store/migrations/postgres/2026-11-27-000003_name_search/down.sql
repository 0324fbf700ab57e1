DROP INDEX memberships_card_lower;
DROP INDEX persons_name_trgm;
