-- Law 94-V art. 8: an obligation registered by a process (an SDU re-issue under way, 004 App.2 item 12) names what
-- it is for, so that a retried job registers it once and the process releases exactly its own obligation.
ALTER TABLE consent_obligation ADD COLUMN reference VARCHAR(200);
CREATE UNIQUE INDEX consent_obligation_reference ON consent_obligation (reference);
