create table organisation (
    id text primary key,
    name text not null,
    short_name text not null,
    description text not null,
    is_demo smallint not null check (is_demo in (0, 1)),
    created_at bigint not null
);

create table app_user (
    id text primary key,
    username text not null unique,
    display_name text not null,
    password_hash text not null,
    is_active smallint not null check (is_active in (0, 1)),
    created_at bigint not null
);

create table user_role (
    user_id text not null references app_user (id),
    role text not null,
    primary key (user_id, role)
);

create table session (
    token_hash text primary key,
    user_id text not null references app_user (id),
    created_at bigint not null,
    last_seen_at bigint not null,
    expires_at bigint not null
);
create index session_by_user on session (user_id);

create table api_token (
    id text primary key,
    user_id text not null references app_user (id),
    label text not null,
    token_hash text not null unique,
    created_at bigint not null,
    last_used_at bigint,
    revoked smallint not null check (revoked in (0, 1))
);

create table category (
    id text primary key,
    code text not null unique,
    name_nl text not null,
    name_en text not null,
    cpv_codes text not null,
    exposure text not null,
    reason_nl text not null,
    reason_en text not null
);

create table supplier (
    id text primary key,
    name text not null unique,
    kvk text not null,
    city text not null,
    description text not null,
    created_at bigint not null
);

create table dossier (
    id text primary key,
    title text not null,
    description text not null,
    category_id text references category (id),
    requester_id text references app_user (id),
    phase text not null,
    classification_label text not null,
    status text not null,
    estimated_value_eur bigint,
    search_text text not null,
    created_at bigint not null,
    updated_at bigint not null
);
create index dossier_updated on dossier (updated_at, id);
create index dossier_phase_updated on dossier (phase, updated_at, id);
create index dossier_category_updated on dossier (category_id, updated_at, id);

create table dossier_member (
    dossier_id text not null references dossier (id),
    user_id text not null references app_user (id),
    role text not null,
    added_at bigint not null,
    primary key (dossier_id, user_id, role)
);
create index dossier_member_user on dossier_member (user_id);

create table dossier_supplier (
    dossier_id text not null references dossier (id),
    supplier_id text not null references supplier (id),
    primary key (dossier_id, supplier_id)
);

create table blob (
    sha256 text primary key,
    size bigint not null,
    content bytea not null
);

create table document (
    id text primary key,
    dossier_id text not null references dossier (id),
    sha256 text not null references blob (sha256),
    size bigint not null,
    media_type text not null,
    original_name text not null,
    uploaded_by text not null references app_user (id),
    uploaded_at bigint not null
);
create index document_dossier on document (dossier_id, uploaded_at);

create table inventory_item (
    id text primary key,
    name text not null,
    supplier_id text references supplier (id),
    description text not null,
    status text not null,
    ai_exposure text not null,
    dossier_id text references dossier (id),
    source text not null,
    source_id text,
    source_organisation text,
    created_at bigint not null,
    updated_at bigint not null
);
create unique index inventory_source on inventory_item (source, source_id);

create table audit_event (
    seq bigint primary key,
    at bigint not null,
    actor text not null,
    dossier_id text,
    kind text not null,
    payload text not null,
    prev_hash text not null,
    hash text not null
);
create index audit_event_dossier on audit_event (dossier_id, seq);

-- The chain head: one row, updated in the same transaction as every append, so appends are
-- serialised (a row lock on PostgreSQL, the single writer on SQLite).
create table audit_head (
    id smallint primary key,
    seq bigint not null,
    hash text not null
);
insert into audit_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
