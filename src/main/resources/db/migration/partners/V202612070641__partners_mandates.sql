-- Mandates (委托授权): a person or a business lets a partner file named items for them until
-- a day. The subject is stored sealed (privacy.PersonalData) and found by its blind index.
CREATE TABLE partners_mandate (
    id uuid PRIMARY KEY,
    partner_client_id varchar(100) NOT NULL REFERENCES partners_partner (client_id),
    subject_sealed text NOT NULL,
    subject_index varchar(64) NOT NULL,
    items text[] NOT NULL,
    purpose text NOT NULL,
    granted_at timestamptz NOT NULL,
    valid_until date NOT NULL,
    channel varchar(10) NOT NULL CHECK (channel IN ('ONLINE', 'PAPER')),
    granted_by varchar(100) NOT NULL,
    withdrawn_at timestamptz,
    withdrawn_by varchar(100)
);
CREATE INDEX partners_mandate_subject ON partners_mandate (subject_index, granted_at DESC);

-- What partners did under a mandate, for the person or business who gave it (我的数据).
CREATE TABLE partners_action (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    mandate_id uuid NOT NULL REFERENCES partners_mandate (id),
    partner_client_id varchar(100) NOT NULL,
    subject_index varchar(64) NOT NULL,
    action varchar(30) NOT NULL,
    application_id uuid,
    tracking_number varchar(40)
);
CREATE INDEX partners_action_subject ON partners_action (subject_index, id DESC);
