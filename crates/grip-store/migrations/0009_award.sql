-- Award: bids answering one frozen package version, independent scores, consensus, and
-- decision records with their weighing and sign-offs.

-- A bid never follows a later package version: it keeps the version it answered.
create table bid (
    id text primary key,
    dossier_id text not null references dossier (id),
    package_id text not null references tender_package (id),
    package_version bigint not null,
    supplier_id text not null references supplier (id),
    price_cents bigint,
    source text not null,
    created_by text not null,
    created_at bigint not null,
    unique (package_id, supplier_id)
);

create index bid_dossier on bid (dossier_id, created_at);

create table bid_answer (
    bid_id text not null references bid (id),
    item_key text not null,
    answer text not null,
    documents text not null,
    primary key (bid_id, item_key)
);

-- Documents the supplier attached to its bid (stored and screened like any document).
create table bid_document (
    bid_id text not null references bid (id),
    document_id text not null references document (id),
    primary key (bid_id, document_id)
);

-- Before scoring, each assessor declares (no) conflict of interest for the dossier.
create table conflict_declaration (
    dossier_id text not null references dossier (id),
    assessor text not null,
    has_conflict smallint not null,
    statement text not null,
    declared_at bigint not null,
    primary key (dossier_id, assessor)
);

-- One assessor's score per bid and award criterion; drafts until the assessor submits the bid.
create table bid_score (
    bid_id text not null references bid (id),
    criterion_key text not null,
    assessor text not null,
    level smallint not null,
    reason text not null,
    scored_at bigint not null,
    primary key (bid_id, criterion_key, assessor)
);

-- An assessor's submission of all their scores for one bid; after it they cannot change them.
create table score_submission (
    bid_id text not null references bid (id),
    assessor text not null,
    submitted_at bigint not null,
    primary key (bid_id, assessor)
);

create table consensus_score (
    bid_id text not null references bid (id),
    criterion_key text not null,
    level smallint not null,
    reason text not null,
    set_by text not null,
    set_at bigint not null,
    primary key (bid_id, criterion_key)
);

-- How the buyer scores price and when a spread of scores is flagged, per dossier.
create table award_rule (
    dossier_id text primary key references dossier (id),
    price_formula text not null,
    price_share bigint not null,
    max_spread bigint not null,
    set_by text not null,
    set_at bigint not null
);

-- A decision record. `revision` is bumped by every sign-off so concurrent final sign-offs
-- queue on the row and exactly one of them seals. `evidence` is the JSON of what the record
-- links (classification, screening, evidence matrix, scores) at the time it was proposed.
create table decision (
    id text primary key,
    dossier_id text not null references dossier (id),
    gate text not null,
    outcome text not null,
    conditions text not null,
    motivation text not null,
    winning_bid text references bid (id),
    required_roles text not null,
    evidence text not null,
    proposed_by text not null,
    proposed_at bigint not null,
    revision bigint not null,
    sealed_at bigint,
    content_hash text,
    supersedes text references decision (id),
    supersede_reason text
);

create index decision_dossier on decision (dossier_id, proposed_at);

create table decision_weighing (
    decision_id text not null references decision (id),
    interest text not null,
    weighing text not null,
    note text not null,
    measures text not null,
    primary key (decision_id, interest)
);

create table decision_signoff (
    decision_id text not null references decision (id),
    role text not null,
    username text not null,
    signed_at bigint not null,
    primary key (decision_id, role),
    unique (decision_id, username)
);
