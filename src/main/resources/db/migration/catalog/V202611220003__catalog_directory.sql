create table catalog_region
(
    code        text primary key,
    name        text not null,
    level       text not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code text references catalog_region (code)
);

create table catalog_department
(
    code        text primary key,
    name        text not null,
    region_code text not null references catalog_region (code),
    credit_code text not null unique
);
