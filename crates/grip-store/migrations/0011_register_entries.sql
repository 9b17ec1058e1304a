-- A system's entry in the Algorithm Register publication standard: what the supplier wrote
-- (every field, those outside the standard too) and what the organisation added.

create table register_entry (
    inventory_item_id text primary key references inventory_item (id),
    entry text not null,
    origin text not null,
    file_sha256 text,
    updated_by text not null,
    updated_at bigint not null
);
