-- AI Act classifications of a dossier's system: every run is kept (history), with the
-- profile, the answers and justifications it came from, the result and the rule trace, and
-- the knowledge pack (id, version, content hash) that produced it, so it can be replayed.
create table classification (
    id text primary key,
    dossier_id text not null references dossier (id),
    profile text not null,
    answers text not null,
    justifications text not null,
    result text not null,
    trace text not null,
    verdict text not null,
    pack_id text not null,
    pack_version text not null,
    pack_hash text not null,
    as_of text not null,
    created_by text not null references app_user (id),
    created_at bigint not null
);
create index classification_dossier on classification (dossier_id, created_at);

-- The obligations of a dossier's latest classification, with their follow-up. A new
-- classification keeps the status of obligations it still yields and drops the others.
create table dossier_obligation (
    dossier_id text not null references dossier (id),
    obligation_id text not null,
    classification_id text not null references classification (id),
    article text not null,
    holder text not null,
    summary_nl text not null,
    summary_en text not null,
    owner_nl text not null,
    owner_en text not null,
    applies_from text not null,
    status text not null,
    reason text not null,
    updated_by text references app_user (id),
    updated_at bigint not null,
    primary key (dossier_id, obligation_id)
);
