-- The reply path writes fewer index entries (issue 19, docs/PERFORMANCE.md).
-- A reply changes its offer's outcome; with (phone, outcome) every outcome change of a recipient (some eight in a
-- run, one per reply) moved its entry in this index, although every query through it asks by number alone
-- (SmsReplies' first read, SduLedger.recipientsByPhoneForUpdate). By number alone, an outcome change leaves it as is.
DROP INDEX sdu_recipient_phone;
CREATE INDEX sdu_recipient_phone ON sdu_recipient (phone);
-- Forgotten message ids are removed every signature window (GatewaySignatureFilter.purgeForgotten) from a table that
-- holds about two windows of deliveries: a scan of it then costs less than an index entry written with every delivery.
DROP INDEX gateway_message_received;
-- The inbound log by sender's number: no query of the application asks it (replies are found by offer, pending ones
-- by disposition); a support look-up by number scans the log instead (one row per SMS received).
DROP INDEX sdu_sms_inbound_phone;
