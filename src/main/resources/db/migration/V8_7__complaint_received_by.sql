-- Who received the complaint and registered it (004 App.2 item 19): the provider that rendered the service, or the
-- reviewing body directly (the authorised body for quality assessment and control, or the higher body), whose
-- 15 working days then run from its own registration. Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE complaint ADD COLUMN received_by VARCHAR(20) DEFAULT 'PROVIDER' NOT NULL;
ALTER TABLE complaint ADD CONSTRAINT complaint_received_by_known CHECK (received_by IN ('PROVIDER', 'REVIEWING_BODY'));
