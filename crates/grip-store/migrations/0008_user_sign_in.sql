-- When each person last signed in, shown on the administrator's users page (NULL: never).
alter table app_user add column last_sign_in_at bigint;
