-- Rate limits that must hold across backend instances (the no-account status query: one-time codes sent to a
-- phone, guessing, walking intake numbers) count here rather than in each instance's memory: one row per key and
-- fixed window, counted by one atomic INSERT ... ON CONFLICT DO UPDATE ... RETURNING per check. The key is a keyed
-- hash (HMAC) of what is limited (a client address, an intake number), never the value itself.
create table rate_limit_window (
    key_hash      char(64)     not null,
    window_start  timestamptz  not null,
    hits          integer      not null,
    -- the end of the window: after it the row only waits for the purge
    expires_at    timestamptz  not null,
    primary key (key_hash, window_start)
);
-- the purge (every instance runs it; deleting the same expired rows twice is harmless)
create index rate_limit_window_expires_idx on rate_limit_window (expires_at);
