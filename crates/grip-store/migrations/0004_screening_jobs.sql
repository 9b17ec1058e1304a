-- Bulk screening jobs: many files (or a ZIP) uploaded to a dossier at once. Each file is an
-- item whose content waits in `blob`; workers claim pending items with a lease
-- (`locked_until`), so a stopped server leaves them to be resumed by the next one.
create table screening_job (
    id text primary key,
    dossier_id text not null references dossier (id),
    source text not null,
    total bigint not null,
    created_by text not null references app_user (id),
    created_at bigint not null,
    finished_at bigint
);
create index screening_job_dossier on screening_job (dossier_id, created_at);

create table screening_job_item (
    id text primary key,
    job_id text not null references screening_job (id),
    seq bigint not null,
    name text not null,
    sha256 text not null references blob (sha256),
    size bigint not null,
    state text not null,
    locked_until bigint,
    attempts bigint not null,
    document_id text references document (id),
    verdict text,
    error text,
    updated_at bigint not null
);
create index screening_job_item_job on screening_job_item (job_id, seq);
create index screening_job_item_state on screening_job_item (state, locked_until);
