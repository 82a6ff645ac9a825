-- The items a rating is about, so that satisfaction can be read per item and department.
alter table feedback_rating add column item_codes text[] not null default '{}';
create index feedback_rating_rated_at on feedback_rating (rated_at);
