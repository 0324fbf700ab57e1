DROP INDEX tally_day;
