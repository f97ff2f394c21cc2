-- "Was the reply to this offer already taken?" (SmsInboundLog.replyTaken, once per reply) looks up by offer. The
-- index (disposition, business_key) made H2 read every CORRELATED row: 5.2 ms per reply at 10,000 recipients and
-- growing with the table (docs/PERFORMANCE.md). This one answers it with a point look-up.
CREATE INDEX sdu_sms_inbound_offer ON sdu_sms_inbound (business_key, disposition);
