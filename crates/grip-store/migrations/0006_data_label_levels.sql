-- Dossiers keep their data classification as a level code; what the organisation calls each
-- level (its own marking scheme) is an organisation setting. Databases made before this
-- stored the police demo's names: they become levels, and those names become the setting.
insert into setting (name, value, updated_by, updated_at)
select 'organisation.label_names',
       '{"public":"Openbaar","internal":"Politie Intern","confidential":"Politie Vertrouwelijk","secret":"Politie Geheim"}',
       'migration', 0
where exists (select 1 from dossier where classification_label like 'Politie %');

update dossier set classification_label = case classification_label
    when 'Openbaar' then 'public'
    when 'Politie Intern' then 'internal'
    when 'Politie Vertrouwelijk' then 'confidential'
    when 'Politie Geheim' then 'secret'
    else classification_label end;
