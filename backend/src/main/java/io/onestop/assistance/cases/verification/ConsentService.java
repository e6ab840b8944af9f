package io.onestop.assistance.cases.verification;

import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.HouseholdMember;
import io.onestop.assistance.programs.Relationship;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consents to economic-status verification. Every adult member (18 or older on the evaluation date) must sign; the
 * applicant signed when submitting the intake. Nothing is verified before all have.
 */
@ApplicationScoped
public class ConsentService {

    /** Age from which a member signs for themself; a minor's data is covered by the guardian's consent. */
    static final int ADULT_AGE = 18;
    private static final DateTimeFormatter ID_BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final IntakeLookup intakes;
    private final PersonalDataProtector protector;
    private final Clock clock;

    private final IntakeAccess access;

    public ConsentService(IntakeLookup intakes, PersonalDataProtector protector, Clock clock, IntakeAccess access) {
        this.access = access;
        this.intakes = intakes;
        this.protector = protector;
        this.clock = clock;
    }

    /** A member signs; 201 when first signed, 200 when signed again. Answers the household's consent status. */
    @WithTransaction
    public Uni<Signed> sign(Accessor caller, UUID intakeId, String memberId, ConsentRequest request) {
        if (request.channelOrDefault() == ConsentRequest.Channel.HOTLINE_VERBAL) {
            throw ProblemException.invalid("channel", "热线口头授权只能由热线工作人员记录 / verbal consent is recorded by hotline staff only");
        }
        return owned(caller, intakeId).chain(intake -> signFor(intake, memberId, request, caller.ownerKey(), null));
    }

    /**
     * The caller's own intake; 404 for a missing one and for anyone else's, which is an audited denial (a delegate's
     * with its scope): consents are the household's own declaration, signed and revoked by the applicant only.
     */
    Uni<Intake> owned(Accessor caller, UUID intakeId) {
        return intakes.find(intakeId).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .call(intake -> access.require(caller, intakeId, intake.ownerSubject, List.of(), IntakeAccess.Need.CONSENT));
    }

    /**
     * A member's consent given verbally on the hotline (HOTLINE_VERBAL), recorded by the staff member with the call
     * reference. The caller (the hotline) has checked that the intake is within its reach; call inside a transaction.
     */
    public Uni<Signed> signVerbally(Intake intake, String memberId, String nationalId, String guardianName,
            String staffSubject, String callReference) {
        return signFor(intake, memberId, new ConsentRequest(nationalId, ConsentRequest.Channel.HOTLINE_VERBAL, guardianName),
                staffSubject, callReference);
    }

    private Uni<Signed> signFor(Intake intake, String memberId, ConsentRequest request, String subject, String callReference) {
        if (intake.status != Intake.Status.ACTIVE) {
            throw ProblemException.conflict("intake-not-active", "This application is no longer active.");
        }
        Household household = intakes.household(intake);
        HouseholdMember member = household.members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No such member in this household."));
        if (!isAdult(member, household.asOf())) {
            throw ProblemException.invalid("memberId",
                    "未成年成员无需签署，由监护人的授权覆盖 / minors do not sign; their guardian's consent covers them");
        }
        String nationalId = NationalId.normalize(request.nationalId());
        if (!NationalId.isValid(nationalId)) {
            throw ProblemException.invalid("nationalId", "请填写正确的 18 位身份证号 / a valid 18-character national id number is required");
        }
        if (!LocalDate.parse(nationalId.substring(6, 14), ID_BIRTH_DATE).equals(member.birthDate())) {
            throw ProblemException.invalid("nationalId",
                    "身份证号与该成员的出生日期不符 / the number does not match this member's birth date");
        }
        String hash = protector.lookupHash(nationalId);
        if (member.relationship() == Relationship.APPLICANT && !hash.equals(intake.applicantNationalIdHash)) {
            throw ProblemException.invalid("nationalId", "身份证号与申请人不符 / the number is not the applicant's");
        }
        String guardian = request.guardianName() == null || request.guardianName().isBlank() ? null : request.guardianName().strip();
        return Panache.getSession().chain(session -> currentText().chain(text -> session.find(VerificationConsent.class,
                        new VerificationConsent.Key(intake.id, memberId))
                .chain(existing -> {
                    if (member.relationship() == Relationship.APPLICANT && (existing == null || existing.inForce())
                            && callReference == null) {
                        return status(intake).map(status -> new Signed(false, status)); // consented when submitting
                    }
                    boolean created = existing == null || !existing.inForce();
                    VerificationConsent consent = existing == null ? new VerificationConsent() : existing;
                    consent.intakeId = intake.id;
                    consent.memberId = memberId;
                    consent.nationalIdHash = hash;
                    consent.signedAt = OffsetDateTime.now(clock);
                    consent.channel = request.channelOrDefault().name();
                    consent.signedBySubject = subject;
                    consent.consentTextVersion = text.version;
                    consent.guardianName = guardian;
                    consent.callReference = callReference;
                    consent.revokedAt = null;
                    consent.revokedBySubject = null;
                    Uni<Void> write = existing == null ? session.persist(consent) : Uni.createFrom().voidItem();
                    return write.call(session::flush).chain(() -> status(intake))
                            .map(status -> new Signed(created, status));
                })));
    }

    /**
     * The applicant of an intake submitted on the hotline gave their consent verbally: recorded as their consent
     * (channel HOTLINE_VERBAL, the staff member who took it, the call reference, the text version in force) in place
     * of the implicit consent of a submission on their own device. Call inside the hotline's transaction.
     */
    public Uni<Void> recordApplicantVerbalConsent(Intake intake, String staffSubject, String callReference) {
        String applicantId = intakes.household(intake).members().stream()
                .filter(m -> m.relationship() == Relationship.APPLICANT).map(HouseholdMember::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("A submitted household always has an applicant"));
        return Panache.getSession().chain(session -> currentText().chain(text -> session.find(VerificationConsent.class,
                        new VerificationConsent.Key(intake.id, applicantId))
                .chain(existing -> {
                    VerificationConsent consent = existing == null ? new VerificationConsent() : existing;
                    consent.intakeId = intake.id;
                    consent.memberId = applicantId;
                    consent.nationalIdHash = intake.applicantNationalIdHash;
                    consent.signedAt = intake.consentAt;
                    consent.channel = ConsentRequest.Channel.HOTLINE_VERBAL.name();
                    consent.signedBySubject = staffSubject;
                    consent.consentTextVersion = text.version;
                    consent.callReference = callReference;
                    consent.revokedAt = null;
                    consent.revokedBySubject = null;
                    return (existing == null ? session.persist(consent) : Uni.createFrom().voidItem()).call(session::flush);
                })));
    }

    /**
     * Revokes a member's consent (the applicant's too). From then on nothing of theirs is verified and the household's
     * consent is incomplete, so no case of the intake can be verified until they sign again. Call inside a
     * transaction; the caller has checked access. Revoking twice is harmless; 404 for an unknown member.
     */
    public Uni<ConsentView> revoke(Intake intake, String memberId, String subject) {
        Household household = intakes.household(intake);
        HouseholdMember member = household.members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No such member in this household."));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.getSession().chain(session -> session.find(VerificationConsent.class,
                        new VerificationConsent.Key(intake.id, memberId))
                .chain(existing -> {
                    if (existing != null) {
                        if (existing.inForce()) {
                            existing.revokedAt = now;
                            existing.revokedBySubject = subject;
                        }
                        return session.flush();
                    }
                    if (member.relationship() != Relationship.APPLICANT) {
                        return Uni.createFrom().voidItem(); // never signed: nothing to revoke
                    }
                    // the applicant's consent of the submission has no row: one is written to record its revocation
                    VerificationConsent revoked = new VerificationConsent();
                    revoked.intakeId = intake.id;
                    revoked.memberId = memberId;
                    revoked.nationalIdHash = intake.applicantNationalIdHash;
                    revoked.signedAt = intake.consentAt;
                    revoked.channel = "SUBMISSION";
                    revoked.signedBySubject = intake.ownerSubject;
                    revoked.revokedAt = now;
                    revoked.revokedBySubject = subject;
                    return session.persist(revoked).call(session::flush);
                })
                .chain(() -> status(intake)));
    }

    /** The consent text in force now: the newest version whose date has come. */
    @WithSession
    public Uni<ConsentText> currentText() {
        return Panache.getSession().chain(session -> session.createQuery(
                        "from ConsentText where effectiveFrom <= ?1 order by effectiveFrom desc", ConsentText.class)
                .setParameter(1, OffsetDateTime.now(clock)).setMaxResults(1).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new IllegalStateException("No verification consent text is in force"));
    }

    /** Every version of the consent text, newest first. */
    @WithSession
    public Uni<List<ConsentText>> texts() {
        return Panache.getSession().chain(session -> session.createQuery(
                "from ConsentText order by effectiveFrom desc", ConsentText.class).getResultList());
    }

    /** The answer of {@link #sign}: whether a consent was created, and the household's status. */
    public record Signed(boolean created, ConsentView status) {
    }

    /** Who has consented, inside the caller's session. */
    public Uni<ConsentView> status(Intake intake) {
        return Panache.getSession().chain(session -> session.createQuery(
                                "from VerificationConsent where intakeId = ?1", VerificationConsent.class)
                        .setParameter(1, intake.id).getResultList())
                .map(rows -> view(intake, intakes.household(intake), rows));
    }

    /** Member id to look-up hash of everyone whose consent is on record: who may be looked up. */
    public Uni<Map<String, String>> consentedHashes(Intake intake) {
        return Panache.getSession().chain(session -> session.createQuery(
                                "from VerificationConsent where intakeId = ?1", VerificationConsent.class)
                        .setParameter(1, intake.id).getResultList())
                .map(rows -> {
                    Map<String, String> hashes = new HashMap<>(rows.stream().filter(VerificationConsent::inForce)
                            .collect(Collectors.toMap(c -> c.memberId, c -> c.nationalIdHash)));
                    Set<String> revoked = rows.stream().filter(c -> !c.inForce()).map(c -> c.memberId).collect(Collectors.toSet());
                    intakes.household(intake).members().stream()
                            .filter(m -> m.relationship() == Relationship.APPLICANT && !revoked.contains(m.id()))
                            .forEach(m -> hashes.put(m.id(), intake.applicantNationalIdHash));
                    return hashes;
                });
    }

    static ConsentView view(Intake intake, Household household, List<VerificationConsent> rows) {
        Map<String, VerificationConsent> byMember = rows.stream().collect(Collectors.toMap(c -> c.memberId, Function.identity()));
        List<ConsentView.MemberConsent> members = household.members().stream().map(m -> {
            boolean adult = isAdult(m, household.asOf());
            VerificationConsent consent = byMember.get(m.id());
            if (m.relationship() == Relationship.APPLICANT && consent == null) {
                return new ConsentView.MemberConsent(m.id(), m.relationship().name(), adult, true, intake.consentAt,
                        "SUBMISSION", null, false, null);
            }
            if (consent == null) {
                return new ConsentView.MemberConsent(m.id(), m.relationship().name(), adult, false, null, null, null, false, null);
            }
            return new ConsentView.MemberConsent(m.id(), m.relationship().name(), adult, consent.inForce(), consent.signedAt,
                    consent.channel, consent.consentTextVersion, consent.guardianName != null, consent.revokedAt);
        }).toList();
        boolean complete = members.stream().allMatch(m -> !m.adult() || m.signed());
        return new ConsentView(complete, members);
    }

    static boolean isAdult(HouseholdMember member, LocalDate asOf) {
        return Period.between(member.birthDate(), asOf).getYears() >= ADULT_AGE;
    }
}
