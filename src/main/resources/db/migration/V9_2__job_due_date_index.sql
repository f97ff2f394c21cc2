-- An index on the jobs' due date, which Camunda's schema does not have. The job executor acquires by due date
-- (job-executor-acquire-by-due-date and ensure-job-due-date-not-null in application.yaml): without the index its
-- acquisition query scans the whole job table, and every recipient waiting for its reply keeps a P3D timer there
-- (70,000 rows at 100,000 recipients; docs/PERFORMANCE.md). IF NOT EXISTS: databases of earlier versions got it at
-- start. The same statement on H2 and PostgreSQL.
CREATE INDEX IF NOT EXISTS SANEPID_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
