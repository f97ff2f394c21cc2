-- Order No. 66 (seed 003), item 8 12): the workplace of a health-system worker, the name of the organisation with
-- its BIN. The person registry's employer: the HR specialist of this organisation keeps the person's entry in the
-- professional register (item 9). NULL: no employer known (not employed, or not in a medical organisation).
ALTER TABLE person ADD COLUMN employer_bin VARCHAR(12);
