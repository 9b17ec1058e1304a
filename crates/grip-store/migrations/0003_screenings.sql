-- The screening of each dossier document for AI indicators, made when it was uploaded: the
-- verdict and its evidence, and the indicator lexicon (id, version, content hash) used, so a
-- later lexicon can be compared with what the officer saw. JSON is stored as text.
create table document_screening (
    document_id text primary key references document (id),
    verdict text not null,
    categories text not null,
    hints text not null,
    contradiction smallint not null,
    specificity double precision,
    findings text not null,
    result text not null,
    lexicon_id text not null,
    lexicon_version text not null,
    lexicon_hash text not null,
    screened_at bigint not null
);
