-- Provenance of documents: from a supplier (which one, optionally which bid or notice) or
-- internal (which role). Documents stored before this are 'unrecorded': Grip cannot know
-- where they came from, so they are treated as internal and never quoted to a supplier.
alter table document add column provenance text not null default 'unrecorded';
alter table document add column provenance_supplier_id text references supplier (id);
alter table document add column provenance_reference text;
alter table document add column provenance_role text;

-- A bulk screening job stores the provenance its documents will get.
alter table screening_job add column provenance text not null default 'unrecorded';
alter table screening_job add column provenance_supplier_id text references supplier (id);
alter table screening_job add column provenance_reference text;
alter table screening_job add column provenance_role text;

-- A package item made from a supplier's document is addressed to that supplier only.
alter table tender_package_item add column supplier_id text references supplier (id);

-- What a package was generated from (classification, screenings, category), as JSON, so a
-- freeze can tell that the dossier changed since. Empty for packages made before this.
alter table tender_package add column inputs text not null default '';

-- A waiver proposed by someone who does not hold the item's role waits for a second person;
-- the proposer is kept beside the person who confirmed it.
alter table checklist_status add column proposed_by text;
