-- Whether the ground needs a second officer (Health Code art. 95(4)(3), (5); decision medical-secrecy-ground), kept
-- with the request so that the four-eyes gateway and the release read it from here, never from a process variable
-- (issue 14). Requests registered before this column get it from their ground: grounds 3 and 5 need four eyes.
ALTER TABLE disclosure_request ADD COLUMN second_approval_required BOOLEAN;
UPDATE disclosure_request SET second_approval_required = proposed_ground IN ('GROUND_3', 'GROUND_5')
    WHERE proposed_ground IS NOT NULL;
