-- Ratings (好差评): one per application, by its applicant, once it is finished.
create table feedback_rating (
	application_id uuid primary key,
	tracking_number text not null,
	rater text not null,
	stars smallint not null check (stars between 1 and 5),
	comment text,
	rated_at timestamptz not null
);

-- A bad rating opens one rectification per department that reviewed the application.
create table feedback_rectification (
	id uuid primary key,
	application_id uuid not null references feedback_rating (application_id),
	department text not null,
	opened_at timestamptz not null,
	answer text,
	answered_by text,
	answered_at timestamptz,
	unique (application_id, department)
);
create index feedback_rectification_department on feedback_rectification (department, answered_at);

-- Complaints (办不成事反映), tracked to an answer; the reference is what a citizen quotes.
create table feedback_complaint (
	id uuid primary key,
	reference text not null unique,
	complainant text not null,
	complainant_name text not null,
	-- whom messages about it go to
	subject_person text,
	subject_business text,
	about text,
	text text not null,
	filed_at timestamptz not null,
	answer text,
	answered_by text,
	answered_at timestamptz
);

-- Questions (咨询) and their answers; the first clerk to answer is responsible (首问负责).
create table feedback_enquiry (
	id uuid primary key,
	asker text not null,
	asker_name text not null,
	subject_person text,
	subject_business text,
	question text not null,
	asked_at timestamptz not null,
	responsible text,
	responsible_since timestamptz
);
create table feedback_enquiry_answer (
	id bigserial primary key,
	enquiry_id uuid not null references feedback_enquiry (id),
	clerk text not null,
	text text not null,
	answered_at timestamptz not null
);
create index feedback_enquiry_answer_enquiry on feedback_enquiry_answer (enquiry_id);
