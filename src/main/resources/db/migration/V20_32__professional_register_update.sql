-- Order No. 66 (seed 003), item 9: when a health worker's data change (here: the specialist certificate, service 1,
-- re-issued under the new name by the SDU pilot, 004 App.2 item 12), the HR specialist of the employer enters the
-- change into the professional register. One row per re-issued certificate: whom it concerns, which employer, and
-- who entered what and when; outcome NO_EMPLOYER when the person registry knows no employer (no task is created).
CREATE TABLE professional_register_update (
    certificate_id         VARCHAR(40)   NOT NULL PRIMARY KEY,
    replaces_permit_id     VARCHAR(40)   NOT NULL,
    recipient_business_key VARCHAR(100)  NOT NULL,
    person_iin             VARCHAR(12)   NOT NULL,
    employer_bin           VARCHAR(12),
    outcome                VARCHAR(16)   NOT NULL CHECK (outcome IN ('REQUESTED', 'OPEN', 'UPDATED', 'NO_EMPLOYER')),
    process_instance_id    VARCHAR(64),
    requested_at           TIMESTAMP     NOT NULL,
    due_at                 TIMESTAMP,
    reminded_at            TIMESTAMP,
    escalated_at           TIMESTAMP,
    register_entry_number  VARCHAR(50),
    register_entry_date    DATE,
    note                   VARCHAR(1000),
    updated_by             VARCHAR(64),
    updated_at             TIMESTAMP
);
CREATE INDEX professional_register_update_outcome ON professional_register_update (outcome, requested_at);
CREATE INDEX professional_register_update_person ON professional_register_update (person_iin);
