-- Identity checks at a hall's window (窗口身份核验): which clerk checked whose identity at
-- which hall, how (the ID card read, or the queue ticket the person holds) and when. A
-- check lets the hall's clerks pre-fill that person's data on that day only.
create table queues_identity_check
(
    id             uuid primary key,
    clerk          text        not null,
    hall           text        not null,
    subject        text        not null,
    method         text        not null check (method in ('ID_CARD', 'TICKET')),
    ticket_number  text,
    day            date        not null,
    checked_at     timestamptz not null,
    check ((method = 'TICKET') = (ticket_number is not null))
);
create index queues_identity_check_today on queues_identity_check (hall, day, subject);
