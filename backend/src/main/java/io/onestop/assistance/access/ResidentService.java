package io.onestop.assistance.access;

import io.onestop.assistance.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Residents and real-name binding. A resident is registered once per national id, by their own binding or when
 * staff meet them first (a hotline caller, a monitoring signal); every login bound to the same id is the same
 * person. Locally the binding trusts a checksum-valid id and the name on record; in production a real-name
 * verification service (public security's identity check) would stand in front of {@link #bind}.
 */
@ApplicationScoped
public class ResidentService {

    /** What a resident sees of their own binding: never the full id number. */
    public record RealName(UUID residentId, String name, String nationalId, String phone) {
    }

    private final ResidentRepository residents;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final Instance<OwnerKeyChange> ownerKeyChanges;
    private final Clock clock;

    public ResidentService(ResidentRepository residents, PersonalDataProtector protector, AuditLog audit,
            Instance<OwnerKeyChange> ownerKeyChanges, Clock clock) {
        this.residents = residents;
        this.protector = protector;
        this.audit = audit;
        this.ownerKeyChanges = ownerKeyChanges;
        this.clock = clock;
    }

    /**
     * Binds a login to the person with this national id: idempotent for the same person, 409 when the login is
     * already bound to someone else, 422 for an invalid id or a name that does not match the one on record. What the
     * login owned so far moves to the resident.
     */
    @WithTransaction
    public Uni<RealName> bind(String subject, String tenant, String nationalIdInput, String nameInput) {
        String nationalId = validNationalId(nationalIdInput);
        String name = validName(nameInput);
        String hash = protector.lookupHash(nationalId);
        return Panache.getSession().chain(session -> session.find(ResidentIdentity.class, subject).chain(existing -> {
            if (existing != null) {
                return residents.findById(existing.residentId).map(resident -> {
                    if (!resident.nationalIdHash.equals(hash)) {
                        throw ProblemException.conflict("already-bound",
                                "此账号已实名绑定其他身份证号 / this login is already bound to another person");
                    }
                    return view(resident);
                });
            }
            return register(session, nationalId, name)
                    .call(resident -> {
                        ResidentIdentity identity = new ResidentIdentity();
                        identity.subject = subject;
                        identity.tenant = tenant;
                        identity.residentId = resident.id;
                        identity.boundAt = OffsetDateTime.now(clock);
                        return session.persist(identity).call(session::flush);
                    })
                    .call(resident -> Multi.createFrom().iterable(ownerKeyChanges)
                            .onItem().transformToUniAndConcatenate(change -> change.rekey(session, subject, resident.ownerKey()))
                            .collect().last())
                    .call(resident -> audit.record(session, new AuditLog.Entry(subject, "resident", "REAL_NAME_BIND",
                            "RESIDENT", resident.id.toString(), "OK", tenant)))
                    .map(this::view);
        }));
    }

    /**
     * The resident with this national id, registered now if unknown (by staff who meet the person first). A name
     * that differs from the one on record is refused: the id and name must belong together.
     */
    public Uni<Resident> register(Mutiny.Session session, String nationalId, String name) {
        String hash = protector.lookupHash(nationalId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // insert-if-absent in one statement: two first bindings of the same person at once cannot both create it
        return session.createNativeQuery("""
                        insert into resident (id, national_id_enc, national_id_hash, name, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?5) on conflict (national_id_hash) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, protector.encrypt(nationalId))
                .setParameter(3, hash)
                .setParameter(4, name)
                .setParameter(5, now)
                .executeUpdate()
                .chain(() -> session.createQuery("from Resident where nationalIdHash = ?1", Resident.class)
                        .setParameter(1, hash).getSingleResult())
                .invoke(resident -> {
                    if (!resident.name.equals(name)) {
                        throw ProblemException.invalid("name",
                                "姓名与该身份证号登记的姓名不一致 / the name does not match the one registered for this id number");
                    }
                });
    }

    /** The resident's verified phone number as answered: masked, with the time it was verified. */
    public record BoundPhone(String phone, String countryCode, OffsetDateTime verifiedAt) {
    }

    /**
     * Binds a phone number the mini-program gateway verified to the caller's resident: replaces an earlier one,
     * 409 before real-name binding (the number belongs to a person, not to a login). The number is sealed at rest
     * and never written to the audit log.
     */
    @WithTransaction
    public Uni<BoundPhone> bindPhone(UUID residentId, String subject, String tenant, VerifiedPhone phone) {
        if (residentId == null) {
            return Uni.createFrom().failure(ProblemException.conflict("real-name-required",
                    "请先完成实名认证，再绑定手机号 / bind your real name (PUT /api/v1/me/real-name) before the phone number"));
        }
        return Panache.getSession().chain(session -> residents.findById(residentId).chain(resident -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            resident.phoneEncrypted = protector.encrypt(phone.number());
            resident.phoneHash = protector.lookupHash(phone.number());
            resident.phoneVerifiedAt = now;
            resident.updatedAt = now;
            return audit.record(session, new AuditLog.Entry(subject, "resident", "PHONE_BIND", "RESIDENT",
                            resident.id.toString(), "OK", tenant))
                    .map(ignored -> new BoundPhone(NationalId.maskPhone(phone.number()), phone.countryCode(), now));
        }));
    }

    /**
     * Removes the verified phone from the caller's resident record, e.g. a number the elderly applicant no longer uses,
     * so that a caseworker may grant a family delegation for them. Nothing to remove (no phone, or no real-name binding
     * yet) changes nothing; a removal is audited (the number never is). Answers whether a number was removed.
     */
    @WithTransaction
    public Uni<Boolean> removePhone(UUID residentId, String subject) {
        if (residentId == null) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> residents.findById(residentId).chain(resident -> {
            if (resident == null || resident.phoneEncrypted == null) {
                return Uni.createFrom().item(false);
            }
            resident.phoneEncrypted = null;
            resident.phoneHash = null;
            resident.phoneVerifiedAt = null;
            resident.updatedAt = OffsetDateTime.now(clock);
            return audit.record(session, new AuditLog.Entry(subject, "resident", "PHONE_REMOVE", "RESIDENT",
                    resident.id.toString(), "OK", null)).replaceWith(true);
        }));
    }

    /** The resident with this national-id look-up hash, or null; call inside a session (staff look-ups). */
    public Uni<Resident> findByNationalIdHash(String hash) {
        return residents.findByNationalIdHash(hash);
    }

    /** The resident who verified this phone (look-up hash), or null; call inside a session. */
    public Uni<Resident> findByPhoneHash(String hash) {
        return residents.findByPhoneHash(hash);
    }

    /** The caller's binding, or null before real-name binding. */
    @WithSession
    public Uni<RealName> realName(UUID residentId) {
        if (residentId == null) {
            return Uni.createFrom().nullItem();
        }
        return residents.findById(residentId).map(r -> r == null ? null : view(r));
    }

    /** A resident as another resident may name them: by name (masked) only, never their identifiers. */
    public record Named(UUID residentId, String maskedName, String maskedNationalId) {
    }

    /**
     * The registered resident with this national id, when the phone matches the one on their record (a resident
     * without a phone on record is found by the id alone); null otherwise, so a caller cannot tell an unknown person
     * from a wrong phone. The id must be valid (checked by the caller, 422). Call inside a session.
     */
    public Uni<Named> findByIdAndPhone(String nationalId, String phone) {
        return residents.findByNationalIdHash(protector.lookupHash(NationalId.normalize(nationalId))).map(resident -> {
            if (resident == null || (resident.phoneHash != null && !resident.phoneHash.equals(protector.lookupHash(phone)))) {
                return null;
            }
            return named(resident);
        });
    }

    /** The keyed look-up hash of a national id, to compare with hashes stored elsewhere. */
    public String lookupHash(String nationalId) {
        return protector.lookupHash(NationalId.normalize(nationalId));
    }

    /** Residents by id, named for other residents (masked). Call inside a session. */
    public Uni<List<Named>> named(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : residents.list("id in ?1", ids)
                .map(list -> list.stream().map(this::named).toList());
    }

    /** The phone on the record of the resident with this national id hash, in clear for sending a text; or null. */
    public Uni<String> phoneOf(String nationalIdHash) {
        return residents.findByNationalIdHash(nationalIdHash)
                .map(r -> r == null || r.phoneEncrypted == null ? null : protector.decrypt(r.phoneEncrypted));
    }

    private Named named(Resident resident) {
        return new Named(resident.id, maskName(resident.name), NationalId.mask(protector.decrypt(resident.nationalIdEncrypted)));
    }

    /** {@code 张*}: the family name, enough for the person who named them to recognise whom. */
    private static String maskName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "*";
        }
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
    }

    @WithSession
    public Uni<List<Resident>> findByIds(List<UUID> ids) {
        return residents.list("id in ?1", ids);
    }

    private RealName view(Resident resident) {
        String phone = resident.phoneEncrypted == null ? null : NationalId.maskPhone(protector.decrypt(resident.phoneEncrypted));
        return new RealName(resident.id, resident.name, NationalId.mask(protector.decrypt(resident.nationalIdEncrypted)), phone);
    }

    static String validNationalId(String input) {
        String id = input == null ? null : NationalId.normalize(input);
        if (id == null || !NationalId.isValid(id)) {
            throw ProblemException.invalid("nationalId",
                    "请填写正确的 18 位身份证号 / a valid 18-character national id number is required");
        }
        return id;
    }

    private static String validName(String input) {
        String name = input == null ? "" : input.strip();
        if (name.isEmpty() || name.length() > 50) {
            throw ProblemException.invalid("name", "请填写身份证上的姓名 / the name as on the id card is required");
        }
        return name;
    }
}
