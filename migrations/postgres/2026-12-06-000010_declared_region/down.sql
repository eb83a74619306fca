DROP INDEX priority_groups_region;
ALTER TABLE priority_groups DROP COLUMN region_code;
