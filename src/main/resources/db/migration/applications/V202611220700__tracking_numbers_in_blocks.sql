-- Each node reserves tracking numbers fifty at a time (Applications.TRACKING_BLOCK): one nextval
-- per fifty filings instead of one per filing. A nextval answers the first number of a block; after this
-- change it lies fifty past the last number used, so no number is handed out twice.
alter sequence applications_tracking_seq increment by 50;
