-- "Was the reply to this offer already taken?" (SmsInboundLog.replyTaken, once per reply) looks up by offer. With
-- the index (disposition, business_key) H2 used only its first column for "disposition IN (...)" and read every
-- CORRELATED row: 5.2 ms per reply at 10,000 recipients, growing with the table (docs/PERFORMANCE.md). Now one index
-- per question: by offer (a point look-up), and by disposition (the pending-reply sweeper's PENDING rows).
DROP INDEX sdu_sms_inbound_pending;
CREATE INDEX sdu_sms_inbound_offer ON sdu_sms_inbound (business_key, disposition);
CREATE INDEX sdu_sms_inbound_disposition ON sdu_sms_inbound (disposition);
