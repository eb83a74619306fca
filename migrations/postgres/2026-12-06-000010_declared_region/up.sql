-- A declaration is verified by the bureau of the region the person lived in
-- when declaring it, not by whichever region they move their profile to.
ALTER TABLE priority_groups ADD COLUMN region_code TEXT;
UPDATE priority_groups SET region_code = (SELECT users.region_code FROM users WHERE users.id = priority_groups.user_id);
CREATE INDEX priority_groups_region ON priority_groups (region_code, status);
