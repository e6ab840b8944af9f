-- The audit chain moves off the request path. V2 chained every audit_event to the previous one inside the writer's
-- transaction under one global lock, so every audited write in the whole system waited for the one before it to
-- commit. Now a request inserts its event with a hash of its own fields only (previous_hash stays null; rows written
-- before this migration keep the chained hash they have, which is still a hash over their own columns), and a
-- sealer job (AuditSealer, one instance at a time through an advisory lock) appends a row here for every event,
-- chained: hash = sha256(previous seal hash | event id | event hash). A changed event no longer matches its own
-- hash, a re-hashed or removed event breaks the seal chain, and an event that stays unsealed for more than a few
-- seconds is reported by the verifier.
alter table audit_event alter column previous_hash drop not null;
-- Database time of the insert: the verifier's "older than a few seconds" must not depend on the application's clock.
alter table audit_event add column recorded_at timestamptz not null default now();

create table audit_seal (
    id              bigserial    primary key,
    event_id        bigint       not null unique,
    sealed_at       timestamptz  not null default now(),
    previous_hash   char(64)     not null,
    hash            char(64)     not null
);

create function audit_seal_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_seal is append-only';
end $$;
create trigger audit_seal_append_only before update or delete on audit_seal
  for each row execute function audit_seal_is_append_only();

-- The default privileges of V6 granted the application role UPDATE and DELETE here too; seals are append-only for it.
do $$
begin
  if exists (select from pg_roles where rolname = '${application_role}') then
    execute format('revoke update, delete, truncate on audit_seal from %I', '${application_role}');
  end if;
end $$;
