-- Append-only audit log of every read and write of personal data and every decision. Each row carries the hash of
-- the previous one (a chain), so a changed or deleted row is detectable; rows are written inside the transaction
-- of what they record.
create table audit_event (
    id              bigserial primary key,
    occurred_at     timestamptz  not null,
    subject         varchar(255) not null,
    role            varchar(40)  not null,
    action          varchar(60)  not null,
    object_type     varchar(40)  not null,
    object_id       varchar(80),
    result          varchar(20)  not null,
    reason          varchar(500),
    previous_hash   char(64)     not null,
    hash            char(64)     not null
);
create index audit_event_object_idx on audit_event (object_type, object_id);

-- Rows are never changed or removed, whoever asks.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
