-- notify: mini-program subscribe messages. The platform lets us send one message per acceptance of a template
-- (wx.requestSubscribeMessage) to the openid that accepted it; the gateway stores nothing, so the acceptances
-- (the quota) and the openid they belong to live here, under the owner key of the resident.
create table subscribe_acceptance (
    owner_key    varchar(255) not null,
    template_id  varchar(64)  not null,
    -- the openid is an identifier of the person: AES-GCM sealed (PersonalDataProtector), with its keyed hash to
    -- tell whether a new acceptance comes from the same mini-program account (quota belongs to one openid)
    openid_enc   varchar(200) not null,
    openid_hash  char(64)     not null,
    -- messages we may still send: one per acceptance, taken by a single UPDATE ... WHERE remaining > 0
    remaining    integer      not null check (remaining >= 0),
    updated_at   timestamptz  not null,
    primary key (owner_key, template_id)
);
