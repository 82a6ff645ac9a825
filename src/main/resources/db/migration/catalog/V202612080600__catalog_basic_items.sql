-- The province's basic catalogue (基本目录): each item's name and legal basis, the attributes its
-- implementations in the regions (实施清单, the catalog_item rows naming it) must not vary, and the
-- bounds of the rest. Replaced whole by an import, like regions and departments.
create table catalog_basic_item
(
    code       text primary key,
    name       text  not null,
    definition jsonb not null
);
