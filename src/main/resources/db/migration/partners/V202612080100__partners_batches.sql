-- Batch intake: a partner's file of cases, stored first and then filed case by case by a
-- job that claims each case (or each explicitly grouped set) with FOR UPDATE SKIP LOCKED
-- in the transaction that files it, so that a node killed mid-batch leaves the case
-- pending for the next node, and a filed case is never filed twice. The case's filing
-- (applicant, form: personal data) is stored sealed.
CREATE TABLE partners_batch (
    id uuid PRIMARY KEY,
    partner_client_id varchar(100) NOT NULL REFERENCES partners_partner (client_id),
    -- the scopes the partner held when it handed the batch in (file:<group>)
    scopes text[] NOT NULL,
    format varchar(10) NOT NULL CHECK (format IN ('JSONL', 'CSV')),
    received_at timestamptz NOT NULL,
    received_by varchar(100) NOT NULL,
    cases int NOT NULL
);
CREATE INDEX partners_batch_partner ON partners_batch (partner_client_id, received_at DESC);

CREATE TABLE partners_batch_case (
    batch_id uuid NOT NULL REFERENCES partners_batch (id),
    row_no int NOT NULL,
    idempotency_key varchar(100) NOT NULL,
    group_key varchar(100),
    filing_sealed text NOT NULL,
    state varchar(10) NOT NULL CHECK (state IN ('PENDING', 'FILED', 'REFUSED')),
    attempts int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    application_id uuid,
    tracking_number varchar(40),
    error_code varchar(60),
    error_message text,
    done_at timestamptz,
    PRIMARY KEY (batch_id, row_no)
);
CREATE INDEX partners_batch_case_due ON partners_batch_case (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX partners_batch_case_group ON partners_batch_case (batch_id, group_key) WHERE group_key IS NOT NULL;
