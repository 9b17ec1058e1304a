-- The model register: models (by name, version and provider) and where they are used: a
-- component of a procured system, and where the model runs there.

create table model (
    id text primary key,
    name text not null,
    version text not null,
    provider text not null,
    modality text not null,
    training_data text not null,
    created_by text not null,
    created_at bigint not null
);

create unique index model_identity on model (name, version, provider);

create table model_use (
    inventory_item_id text not null references inventory_item (id),
    model_id text not null references model (id),
    component text not null,
    hosting text not null,
    created_by text not null,
    created_at bigint not null,
    primary key (inventory_item_id, model_id, component)
);

create index model_use_model on model_use (model_id);
