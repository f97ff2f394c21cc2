-- One SMS per number per attempt within a run (issue 16; 004 App.2 items 11, 13): the offers of a run to the same
-- number go out as one message per attempt. A row here is the claim of that message: inserted once per
-- (run, number, attempt, seq) by the first recipient job of the number (in a transaction of its own, committed
-- before the gateway is called), with its text, language and length in segments; sdu_sms_cover says which offers
-- it covers. Any job of a covered offer finds its message here and sends it again under the same gateway key
-- until one commits SENT, so a crash at any point neither sends twice nor loses an offer. seq > 1 only for an
-- offer of the number that became ready after the first message was claimed (it gets a message of its own).
-- The next-step notices are recorded here too (attempt and seq NULL), for the run's segment counts.
CREATE TABLE sdu_sms_message (
    message_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    run_id       VARCHAR(40)  NOT NULL,
    phone        VARCHAR(12)  NOT NULL,
    step         VARCHAR(32)  NOT NULL,
    attempt      INT,
    seq          INT,
    sent_by      VARCHAR(100) NOT NULL,
    offers       INT          NOT NULL,
    language     VARCHAR(4)   NOT NULL CHECK (language IN ('KK', 'RU', 'BOTH')),
    body         VARCHAR(4000) NOT NULL,
    encoding     VARCHAR(8)   NOT NULL CHECK (encoding IN ('GSM-7', 'UCS-2')),
    units        INT          NOT NULL,
    segments     INT          NOT NULL,
    status       VARCHAR(8)   NOT NULL CHECK (status IN ('CLAIMED', 'SENT')),
    claimed_at   TIMESTAMP    NOT NULL,
    sent_at      TIMESTAMP
);
CREATE UNIQUE INDEX sdu_sms_message_claim ON sdu_sms_message (run_id, phone, attempt, seq);
CREATE INDEX sdu_sms_message_run ON sdu_sms_message (run_id, status, step);

CREATE TABLE sdu_sms_cover (
    business_key VARCHAR(100) NOT NULL,
    attempt      INT          NOT NULL,
    message_key  VARCHAR(200) NOT NULL,
    covered_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (business_key, attempt)
);
CREATE INDEX sdu_sms_cover_message ON sdu_sms_cover (message_key);

-- A message naming several offers is longer than the template alone.
ALTER TABLE sms_outbox ALTER COLUMN body SET DATA TYPE VARCHAR(4000);
