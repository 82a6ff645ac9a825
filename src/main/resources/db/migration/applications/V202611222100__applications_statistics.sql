-- Day-by-day figures of the reform's indicators, rolled up from tasks so that a dashboard
-- filter over millions of applications reads thousands of rows. Recomputed for recent days
-- on a schedule and rebuilt whole on demand; counts are exact, handling times are kept as
-- sums and a histogram of hours.
create table applications_stats_filed
(
    day        date   not null,
    department text   not null,
    item_code  text   not null,
    channel    text   not null,
    tasks      bigint not null,
    -- tasks whose review asked for a supplement: a likely second contact
    supplemented bigint not null,
    primary key (day, department, item_code, channel)
);

create table applications_stats_finished
(
    day              date             not null,
    department       text             not null,
    item_code        text             not null,
    channel          text             not null,
    outcome          text             not null,
    tasks            bigint           not null,
    same_day         bigint           not null,
    within_committed bigint           not null,
    hours_sum        double precision not null,
    hours_histogram  bigint[]         not null,
    primary key (day, department, item_code, channel, outcome)
);

-- the refresh reads recent filings only; a BRIN index stays tiny on an append-mostly table
create index applications_submitted_brin on applications_application using brin (submitted_at);
