-- How an application's result reaches the applicant; a row once they choose or once it is
-- approved, whichever comes first. No row means electronic only, not yet approved.
create table delivery_choice (
	application_id uuid primary key,
	tracking_number text not null,
	method text not null check (method in ('ELECTRONIC', 'PICKUP', 'COURIER')),
	hall text,
	recipient text,
	phone text,
	address text,
	chosen_by text,
	chosen_at timestamptz,
	ready_at timestamptz,
	handed_over_at timestamptz,
	handed_over_by text,
	courier text,
	courier_tracking_number text,
	check (method <> 'COURIER' or (recipient is not null and phone is not null and address is not null)),
	check (method <> 'PICKUP' or hall is not null)
);
create index delivery_waiting on delivery_choice (ready_at) where handed_over_at is null and method <> 'ELECTRONIC';
