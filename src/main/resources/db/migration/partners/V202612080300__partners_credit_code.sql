-- The unified social credit code of a partner organisation: a registry names a mortgagee bank
-- by it, and a condition of eligibility compares it with the partner that files (the bank
-- counter's mortgage release). An organisation's code is public, not personal data.
ALTER TABLE partners_partner ADD COLUMN credit_code varchar(18);

-- the access ledger finds the mandate a matter was filed under by its id or tracking number
CREATE INDEX partners_action_application ON partners_action (application_id) WHERE action = 'FILED';
CREATE INDEX partners_action_tracking ON partners_action (tracking_number) WHERE action = 'FILED';
