package io.onestop.assistance.cases.verification;

import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.HouseholdMember;
import io.onestop.assistance.programs.Relationship;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    public ConsentService(IntakeLookup intakes, PersonalDataProtector protector, Clock clock) {
        this.intakes = intakes;
        this.protector = protector;
        this.clock = clock;
    }

    /** A member signs; 201 when first signed, 200 when signed again. Answers the household's consent status. */
    @WithTransaction
    public Uni<Signed> sign(String owner, UUID intakeId, String memberId, ConsentRequest request) {
        return intakes.owned(owner, intakeId).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .chain(intake -> {
                    if (intake.status != Intake.Status.ACTIVE) {
                        throw ProblemException.conflict("intake-not-active", "This application is no longer active.");
                    }
                    Household household = intakes.household(intake);
                    HouseholdMember member = household.members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("No such member in this household."));
                    if (member.relationship() == Relationship.APPLICANT) {
                        return status(intake).map(status -> new Signed(false, status)); // consented when submitting
                    }
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
                    return Panache.getSession().chain(session -> session.find(VerificationConsent.class,
                                    new VerificationConsent.Key(intakeId, memberId))
                            .chain(existing -> {
                                VerificationConsent consent = existing == null ? new VerificationConsent() : existing;
                                consent.intakeId = intakeId;
                                consent.memberId = memberId;
                                consent.nationalIdHash = protector.lookupHash(nationalId);
                                consent.signedAt = OffsetDateTime.now(clock);
                                consent.channel = request.channelOrDefault().name();
                                consent.signedBySubject = owner;
                                Uni<Void> write = existing == null ? session.persist(consent) : Uni.createFrom().voidItem();
                                return write.call(session::flush).chain(() -> status(intake))
                                        .map(status -> new Signed(existing == null, status));
                            }));
                });
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
                    Map<String, String> hashes = new HashMap<>(rows.stream()
                            .collect(Collectors.toMap(c -> c.memberId, c -> c.nationalIdHash)));
                    intakes.household(intake).members().stream()
                            .filter(m -> m.relationship() == Relationship.APPLICANT)
                            .forEach(m -> hashes.put(m.id(), intake.applicantNationalIdHash));
                    return hashes;
                });
    }

    static ConsentView view(Intake intake, Household household, List<VerificationConsent> rows) {
        Map<String, VerificationConsent> byMember = rows.stream().collect(Collectors.toMap(c -> c.memberId, Function.identity()));
        List<ConsentView.MemberConsent> members = household.members().stream().map(m -> {
            boolean adult = isAdult(m, household.asOf());
            if (m.relationship() == Relationship.APPLICANT) {
                return new ConsentView.MemberConsent(m.id(), m.relationship().name(), adult, true, intake.consentAt, "SUBMISSION");
            }
            VerificationConsent consent = byMember.get(m.id());
            return new ConsentView.MemberConsent(m.id(), m.relationship().name(), adult, consent != null,
                    consent == null ? null : consent.signedAt, consent == null ? null : consent.channel);
        }).toList();
        boolean complete = members.stream().allMatch(m -> !m.adult() || m.signed());
        return new ConsentView(complete, members);
    }

    static boolean isAdult(HouseholdMember member, LocalDate asOf) {
        return Period.between(member.birthDate(), asOf).getYears() >= ADULT_AGE;
    }
}
