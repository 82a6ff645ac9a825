-- Appointments (预约) for a half-hour slot at a hall, at most as many per slot as the hall has
-- windows, one booked appointment per person and day.
create table queues_appointment (
	id uuid primary key,
	code text not null unique,
	hall text not null,
	item_code text,
	day date not null,
	slot time not null,
	person text not null,
	person_name text not null,
	status text not null check (status in ('BOOKED', 'CHECKED_IN', 'CANCELLED')),
	created_at timestamptz not null
);
create unique index queues_appointment_one_per_day on queues_appointment (person, day) where status = 'BOOKED';
create index queues_appointment_slot on queues_appointment (hall, day, slot) where status <> 'CANCELLED';

-- Tickets (排队号) drawn at a hall, numbered per hall and day; called to a window and
-- finished when the window calls the next.
create table queues_ticket (
	id uuid primary key,
	hall text not null,
	day date not null,
	seq integer not null,
	number text not null,
	kind text not null check (kind in ('WALK_IN', 'APPOINTMENT')),
	item_code text,
	appointment_id uuid references queues_appointment (id),
	drawn_at timestamptz not null,
	called_at timestamptz,
	service_window integer,
	called_by text,
	finished_at timestamptz,
	unique (hall, day, seq),
	unique (appointment_id)
);
create index queues_ticket_waiting on queues_ticket (hall, day) where called_at is null;
