-- Messages, channel choices, deliveries and the simulated operator's records keep no clear
-- personal data (docs/privacy.md): a person is named by the blind index of their resident ID,
-- addresses, numbers and what a message says are sealed, a cause is kept as its blind index
-- (a party's cause names the party). Rows written before stay readable only after the demo
-- data directory is made afresh (README).
alter table messages_message rename column recipient_resident_id to recipient_person_index;
alter table messages_message drop constraint messages_message_check;
alter table messages_message add constraint messages_message_one_recipient
    check ((recipient_person_index is null) <> (recipient_credit_code is null));
alter index messages_by_person rename to messages_by_person_index;
alter table messages_message alter column arguments type text using arguments::text;

alter table messages_delivery alter column arguments type text using arguments::text;

comment on column messages_channel_preference.recipient is
    'blind index of the resident ID, the credit code, or staff:<username>';
comment on column messages_simulated_sms.mobile is 'blind index of the mobile number';
