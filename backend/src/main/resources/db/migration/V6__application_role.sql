-- The backend runs as its own role (${application_role}), not as the owner of the tables that Flyway uses: it may
-- read and write the data but never UPDATE, DELETE or TRUNCATE audit rows, and never change the schema (so it cannot
-- drop the append-only trigger either). The role is created by the platform (infra/bin/stack locally, the database
-- operator on Kubernetes); where it does not exist yet this migration grants nothing and the backend keeps using
-- the owner role it was given.
do $$
begin
  if exists (select from pg_roles where rolname = '${application_role}') then
    execute format('grant usage on schema public to %I', '${application_role}');
    execute format('grant select, insert, update, delete on all tables in schema public to %I', '${application_role}');
    execute format('grant usage, select on all sequences in schema public to %I', '${application_role}');
    execute format('revoke update, delete, truncate on audit_event from %I', '${application_role}');
    execute format('revoke all on flyway_schema_history from %I', '${application_role}');
    -- tables and sequences of later migrations get the same grants
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', '${application_role}');
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', '${application_role}');
  end if;
end $$;
