-- Spend (contracts or invoices) imported from files, each line placed in a portfolio
-- category with its reason; suppliers placed by hand are remembered for the next import.

create table spend_import (
    id text primary key,
    name text not null,
    file_sha256 text not null,
    status text not null,
    lines_read bigint not null,
    lines_stored bigint not null,
    duplicates bigint not null,
    rejected bigint not null,
    report text not null,
    created_by text not null,
    created_at bigint not null,
    finished_at bigint
);

create unique index spend_import_file on spend_import (file_sha256);

create table spend_line (
    line_hash text primary key,
    import_id text not null references spend_import (id),
    line_no bigint not null,
    supplier text not null,
    supplier_key text not null,
    amount_cents bigint not null,
    spent_on text,
    description text not null,
    cpv text,
    category_code text,
    placed_by text,
    reason_nl text not null,
    reason_en text not null
);

create index spend_line_import on spend_line (import_id);
create index spend_line_supplier on spend_line (supplier_key);
create index spend_line_category on spend_line (category_code);

create table spend_supplier (
    supplier_key text primary key,
    supplier text not null,
    category_code text not null,
    placed_by text not null,
    updated_at bigint not null
);
