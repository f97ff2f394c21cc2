-- The run starts its candidates 500 at a time in business-key order, and the recipients API pages through a run in
-- the same order. With an index on (run_id, outcome) alone both sorted every candidate of the run for each batch:
-- at 100,000 recipients one batch took seconds and the run crawled at 33 recipients/s (docs/PERFORMANCE.md). With the
-- key in the index and "ORDER BY run_id, outcome, business_key" H2 (and PostgreSQL) read the 500 rows in index order.
DROP INDEX sdu_recipient_run_outcome;
CREATE INDEX sdu_recipient_run_outcome_key ON sdu_recipient (run_id, outcome, business_key);
CREATE INDEX sdu_recipient_run_key ON sdu_recipient (run_id, business_key);
