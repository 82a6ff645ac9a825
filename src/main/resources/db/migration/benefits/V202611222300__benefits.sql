-- Which policies are switched on, by whom, and when they last ran.
create table benefits_policy_state (
	policy text primary key,
	active boolean not null,
	switched_by text not null,
	switched_at timestamptz not null,
	last_run_at timestamptz
);

-- A benefit granted (pre-approved) or offered (waiting for one click) to a person, once per
-- policy, with the reasoning that made them qualify.
create table benefits_grant (
	id uuid primary key,
	policy text not null,
	subject text not null,
	status text not null check (status in ('GRANTED', 'OFFERED', 'ACCEPTED')),
	reason text not null,
	created_at timestamptz not null,
	accepted_at timestamptz,
	unique (policy, subject)
);
create index benefits_grant_subject on benefits_grant (subject);
