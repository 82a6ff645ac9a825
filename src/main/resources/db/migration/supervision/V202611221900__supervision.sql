-- Warnings sent to departments (督办提醒), one per task and level: a restart or a second scan
-- finds them sent and sends nothing again.
create table supervision_warning (
	task_id uuid not null,
	level text not null check (level in ('YELLOW', 'RED', 'STATUTORY')),
	application_id uuid not null,
	tracking_number text not null,
	department text not null,
	item_code text not null,
	committed_due date not null,
	statutory_due date not null,
	sent_at timestamptz not null,
	primary key (task_id, level)
);
create index supervision_warning_department on supervision_warning (department, sent_at desc);
