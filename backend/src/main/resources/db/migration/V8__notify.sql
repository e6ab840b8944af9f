-- notify: delivery of the outbox to residents (in-app inbox, SMS, mini-program subscribe message) and call-back
-- tasks for the hotline. Delivery state lives on outbox_event itself so that a worker claims rows with
-- FOR UPDATE SKIP LOCKED and several backend instances can deliver at once.

alter table outbox_event
    add column attempts         integer      not null default 0,
    add column next_attempt_at  timestamptz,
    add column claimed_until    timestamptz,
    add column claimed_by       varchar(80),
    add column delivered_at     timestamptz,
    add column dead_at          timestamptz,
    -- a reason such as "SMS provider refused: HTTP 200, errcode 1001"; never a phone number, name or text
    add column last_error       varchar(300);

-- what the workers look for: not yet delivered, not dead, due
create index outbox_event_due_idx on outbox_event (next_attempt_at nulls first, id)
    where delivered_at is null and dead_at is null;
create index outbox_event_dead_idx on outbox_event (dead_at desc, id) where dead_at is not null;

-- one row per outbox event and channel: the primary key is what makes a message go out at most once per channel.
-- state SENDING is written before the provider is called and SENT after it accepted; a row left in SENDING by a
-- crashed instance is never sent again (at most once), it counts as not reached.
create table notification_delivery (
    outbox_id     bigint       not null references outbox_event (id),
    channel       varchar(20)  not null,
    state         varchar(10)  not null,
    worker        varchar(80)  not null,
    started_at    timestamptz  not null,
    delivered_at  timestamptz,
    primary key (outbox_id, channel)
);

create table inbox_message (
    id          bigserial     primary key,
    owner_key   varchar(255)  not null,
    outbox_id   bigint        not null unique references outbox_event (id),
    intake_id   uuid,
    kind        varchar(40)   not null,
    title       varchar(100)  not null,
    body        varchar(1000) not null,
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index inbox_message_owner_idx on inbox_message (owner_key, id desc);

create table notification_preference (
    owner_key       varchar(255) primary key,
    -- push channels in the order to try them; the in-app inbox always gets the message
    channels        text[]       not null,
    -- an elderly resident asks to be phoned by the hotline instead of (or as well as) reading texts
    call_me_back    boolean      not null,
    callback_from   time,
    callback_to     time,
    updated_at      timestamptz  not null
);

create table callback_task (
    id              uuid          primary key,
    outbox_id       bigint        not null unique references outbox_event (id),
    owner_key       varchar(255)  not null,
    intake_id       uuid,
    intake_number   varchar(40),
    region_code     varchar(12)   not null,
    reason          varchar(30)   not null,
    title           varchar(100)  not null,
    body            varchar(1000) not null,
    callback_from   time,
    callback_to     time,
    created_at      timestamptz   not null,
    completed_at    timestamptz,
    completed_by    varchar(255),
    outcome         varchar(30),
    note            varchar(500)
);
create index callback_task_open_idx on callback_task (region_code, created_at, id) where completed_at is null;
