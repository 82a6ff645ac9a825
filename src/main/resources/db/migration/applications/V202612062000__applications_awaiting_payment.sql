-- A matter whose departments all approved waits as AWAITING_PAYMENT while a fee or tax is unpaid
-- (issue 23). The lapse job reads the few matters waiting and when each began to wait, from the
-- history row of that change.
create index applications_awaiting_payment on applications_application (id)
    where status = 'AWAITING_PAYMENT';
