-- Webhooks: a partner's subscriptions to the events of the matters it filed, and the outbox
-- of deliveries (Standard Webhooks 1.0, SM2-signed), retried with exponential backoff for
-- three days, each attempt logged. Payloads name the matter, never a person.
CREATE TABLE partners_webhook_subscription (
    id uuid PRIMARY KEY,
    partner_client_id varchar(100) NOT NULL REFERENCES partners_partner (client_id),
    url varchar(500) NOT NULL,
    event_types text[] NOT NULL,
    created_at timestamptz NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE INDEX partners_webhook_subscription_partner ON partners_webhook_subscription (partner_client_id);

CREATE TABLE partners_webhook_delivery (
    id varchar(40) PRIMARY KEY,
    subscription_id uuid NOT NULL REFERENCES partners_webhook_subscription (id),
    partner_client_id varchar(100) NOT NULL,
    event_type varchar(60) NOT NULL,
    application_id uuid,
    payload text NOT NULL,
    created_at timestamptz NOT NULL,
    give_up_at timestamptz NOT NULL,
    next_attempt_at timestamptz,
    attempts int NOT NULL DEFAULT 0,
    state varchar(10) NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    delivered_at timestamptz
);
CREATE INDEX partners_webhook_delivery_due ON partners_webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX partners_webhook_delivery_partner ON partners_webhook_delivery (partner_client_id, created_at DESC);

CREATE TABLE partners_webhook_attempt (
    id bigserial PRIMARY KEY,
    delivery_id varchar(40) NOT NULL REFERENCES partners_webhook_delivery (id),
    at timestamptz NOT NULL,
    status int,
    error text
);
CREATE INDEX partners_webhook_attempt_delivery ON partners_webhook_attempt (delivery_id, id);
