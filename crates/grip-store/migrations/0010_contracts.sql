-- Contracts after award: the AI baseline per version, and supplier change notices with
-- their triage and the contract manager's decision.

create table contract (
    id text primary key,
    dossier_id text not null references dossier (id),
    system text not null,
    supplier text not null,
    starts_on text,
    ends_on text,
    value_cents bigint,
    created_by text not null,
    created_at bigint not null
);

create index contract_dossier on contract (dossier_id, created_at);

-- An accepted change adds a version; versions are never updated.
create table contract_baseline (
    contract_id text not null references contract (id),
    version bigint not null,
    baseline text not null,
    reason text not null,
    created_by text not null,
    created_at bigint not null,
    primary key (contract_id, version)
);

create table change_notice (
    id text primary key,
    contract_id text not null references contract (id),
    baseline_version bigint not null,
    name text not null,
    notice_text text not null,
    impact text not null,
    proposed text not null,
    assessment text not null,
    decided text,
    decided_reason text,
    decided_by text,
    decided_at bigint,
    recorded_by text not null,
    received_at bigint not null
);

create index change_notice_contract on change_notice (contract_id, received_at);

-- An escalated notice puts a task in the inbox of each role concerned on the dossier's team;
-- a sealed decision record closes it.
create table escalation_task (
    id text primary key,
    dossier_id text not null references dossier (id),
    contract_id text not null references contract (id),
    notice_id text not null references change_notice (id),
    role text not null,
    due_on text not null,
    created_by text not null,
    created_at bigint not null,
    closed_by text,
    closed_at bigint,
    decision_id text
);

create index escalation_task_open on escalation_task (role, closed_at);
