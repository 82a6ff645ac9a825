-- One fee order per application, created at filing when its items carry fees; paid only by
-- a verified provider callback.
create table payments_payment (
	id uuid primary key,
	application_id uuid not null unique,
	tracking_number text not null,
	payer text not null,
	amount numeric(12, 2) not null check (amount > 0),
	lines jsonb not null,
	status text not null check (status in ('UNPAID', 'PAID')),
	provider text,
	transaction_id text,
	created_at timestamptz not null,
	paid_at timestamptz,
	check ((status = 'PAID') = (transaction_id is not null and paid_at is not null))
);

-- Every callback received, verified or not, exactly as it came: the evidence of what a
-- provider said and what OneVisit made of it.
create table payments_callback (
	id bigserial primary key,
	received_at timestamptz not null,
	provider text not null,
	payment_id uuid,
	key_id text,
	body text not null,
	outcome text not null
);
create index payments_callback_payment on payments_callback (payment_id);
