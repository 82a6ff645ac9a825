-- How each instantly approvable task was judged: rule by rule, kept for the applicant, the
-- reviewer and the supervisor. One per task; a repeated evaluation finds it and stops.
create table approvals_trace (
	task_id uuid primary key,
	application_id uuid not null,
	item_code text not null,
	outcome text not null check (outcome in ('APPROVED_INSTANTLY', 'SENT_TO_REVIEWER')),
	lines jsonb not null,
	evaluated_at timestamptz not null,
	evaluation_micros bigint not null
);
create index approvals_trace_application on approvals_trace (application_id);
