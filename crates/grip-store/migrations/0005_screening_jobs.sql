-- Bulk screening jobs: many files (or one ZIP) uploaded to a dossier at once and screened in
-- the background. The bytes of every item wait in `blob` (content-addressed, so the document
-- made from an item shares them), which lets a restarted server resume a job where it
-- stopped. A worker holds a job through a lease (`claimed_by`, `claimed_until`); a lease that
-- runs out (a crashed or stopped server) lets another worker take the job over.
-- (0004 is reserved for work that lands in parallel.)
create table screening_job (
    id text primary key,
    dossier_id text not null references dossier (id),
    created_by text not null references app_user (id),
    created_at bigint not null,
    -- queued | running | done | failed | cancelled
    state text not null,
    total bigint not null,
    done_count bigint not null,
    failed_count bigint not null,
    skipped_count bigint not null,
    claimed_by text,
    claimed_until bigint,
    finished_at bigint,
    error text
);
create index screening_job_dossier on screening_job (dossier_id, created_at);
create index screening_job_state on screening_job (state, claimed_until);

create table screening_job_item (
    job_id text not null references screening_job (id),
    position bigint not null,
    -- The cleaned file name the document gets, and the path inside the ZIP when there is one.
    name text not null,
    source_path text,
    sha256 text references blob (sha256),
    size bigint not null,
    media_type text,
    -- pending | done | failed | skipped
    state text not null,
    document_id text references document (id),
    error text,
    updated_at bigint not null,
    primary key (job_id, position)
);
create index screening_job_item_state on screening_job_item (job_id, state, position);
