-- 004 App.2 items 3-5, for the managers' funnel (issue 17): what a run's collection found before its candidates,
-- kept with the run. Renamed organisations (legal-entity registry) and persons (civil registry) in the window, the
-- holders among them with a permit of the 4 services in e-license, and those whose recipient was found (an
-- organisation's first head; a person is their own recipient). Counts only, no personal data. NULL for runs
-- collected before this migration. Portable SQL (H2 and PostgreSQL).
ALTER TABLE sdu_run ADD COLUMN renamed_organisations INT;
ALTER TABLE sdu_run ADD COLUMN renamed_persons INT;
ALTER TABLE sdu_run ADD COLUMN holders_with_permit INT;
ALTER TABLE sdu_run ADD COLUMN holders_with_recipient INT;
