-- Each licence carries its legal number (证书号, 统一社会信用代码, 结婚证字号, or its type's yearly sequence);
-- a licence replaced by a new one (换发) names its successor. A type may issue one licence per party
-- (结婚证: one for each spouse), so an item of an application has one licence per holder.
alter table licences_licence add column legal_number text;
alter table licences_licence add column superseded_by uuid references licences_licence (id);
alter table licences_licence drop constraint licences_licence_application_id_item_code_key;
create unique index licences_one_per_item_and_holder
    on licences_licence (application_id, item_code, (coalesce(holder_resident_id, holder_credit_code)));
create index licences_by_number on licences_licence (type_name, legal_number) where legal_number is not null;

-- The yearly sequences of types whose number the law does not give (or that an item assigns itself).
create table licences_number_sequence
(
    type_code  text   not null,
    year       int    not null,
    last_value bigint not null,
    primary key (type_code, year)
);
