-- Tender packages: one row per version of a dossier's package. A draft is edited item by item;
-- freezing stores who froze it, when, and the SHA-256 of the package as frozen, after which
-- neither the package nor its items change again (a revision is a new version).
create table tender_package (
    id text primary key,
    dossier_id text not null references dossier (id),
    version bigint not null,
    state text not null,
    title text not null,
    category text not null,
    verdict text not null,
    knowledge text not null,
    slots text not null,
    created_by text not null,
    created_at bigint not null,
    updated_at bigint not null,
    frozen_by text,
    frozen_at bigint,
    content_hash text,
    unique (dossier_id, version)
);

-- The items of a package in their section and order. `original_*` keeps the knowledge
-- item's wording so a reworded item shows what changed; `knowledge_id` keeps the link.
create table tender_package_item (
    package_id text not null references tender_package (id),
    item_key text not null,
    section text not null,
    ordinal bigint not null,
    knowledge_id text not null,
    title_nl text,
    title_en text,
    text_nl text not null,
    text_en text not null,
    original_nl text not null,
    original_en text not null,
    use_kind text not null,
    reason_nl text not null,
    reason_en text not null,
    purpose_nl text,
    purpose_en text,
    secures_nl text,
    secures_en text,
    source text,
    award_group text,
    weight bigint,
    primary key (package_id, item_key)
);

create index tender_package_item_order on tender_package_item (package_id, section, ordinal);

-- Role x phase checklist: an item of the roles-phases pack marked done or waived (with the
-- reason) for a dossier. Absent means open.
create table checklist_status (
    dossier_id text not null references dossier (id),
    item_id text not null,
    phase text not null,
    status text not null,
    reason text not null,
    set_by text not null,
    set_at bigint not null,
    primary key (dossier_id, item_id)
);

-- Organisation-wide settings that an administrator changes at run time (e.g. which roles may
-- waive checklist items). Values are JSON text.
create table setting (
    name text primary key,
    value text not null,
    updated_by text not null,
    updated_at bigint not null
);
