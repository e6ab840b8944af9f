-- Family delegation: a resident (or, for an elderly applicant without a phone, a caseworker in scope) lets another
-- real-name bound resident follow one intake within a scope until an end date. A delegation is never deleted:
-- revoking stamps it, so the audit trail and the owner's list keep showing who could see what, and when.
create table delegation (
    id                    uuid         primary key,
    intake_id             uuid         not null references intake (id),
    delegate_resident_id  uuid         not null references resident (id),
    scope                 varchar(20)  not null check (scope in ('VIEW_STATUS', 'UPLOAD_DOCUMENTS', 'ACT_FOR_ME')),
    -- the last day it works (inclusive, China time); at most 6 months after it was granted
    ends_on               date         not null,
    granted_by            varchar(255) not null,
    granted_by_role       varchar(20)  not null check (granted_by_role in ('resident', 'caseworker')),
    -- required when staff grant it (why the applicant cannot do it themselves); kept in the audit log too
    reason                varchar(500),
    created_at            timestamptz  not null,
    revoked_at            timestamptz,
    revoked_by            varchar(255),
    check (granted_by_role = 'resident' or reason is not null)
);
create index delegation_intake_idx on delegation (intake_id);
create index delegation_delegate_idx on delegation (delegate_resident_id) where revoked_at is null;

-- The no-account status query: intake number + last 6 of the applicant's id + a one-time code sent to the phone on
-- record. A row is written for every query, matched or not (intake_id null), so the answers cannot tell them apart.
-- The code is kept only as a keyed hash; the row is useless after expires_at or max attempts.
create table status_query (
    id           uuid        primary key,
    intake_id    uuid        references intake (id),
    code_hash    char(64)    not null,
    attempts     int         not null default 0,
    expires_at   timestamptz not null,
    verified_at  timestamptz,
    created_at   timestamptz not null
);
create index status_query_created_idx on status_query (created_at);
