package io.onestop.assistance.intake;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.api.ApplicantView;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Screening;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read-only access to submitted intakes for the contexts that follow them (cases, tracking), so they never query
 * this context's tables themselves. Call inside a session; answers null for a missing intake.
 */
@ApplicationScoped
public class IntakeLookup {

    private final IntakeRepository intakes;
    private final ProgramCaseRepository cases;
    private final PersonalDataProtector protector;
    private final JsonCodec json;

    public IntakeLookup(IntakeRepository intakes, ProgramCaseRepository cases, PersonalDataProtector protector,
            JsonCodec json) {
        this.intakes = intakes;
        this.cases = cases;
        this.protector = protector;
        this.json = json;
    }

    /** Every intake of the applicant with this national-id look-up hash, newest first (the hotline's search). */
    public Uni<java.util.List<Intake>> byApplicant(String nationalIdHash) {
        return intakes.list("applicantNationalIdHash = ?1 order by submittedAt desc", nationalIdHash);
    }

    /** Every intake of the applicants with these national-id look-up hashes (monitoring: who applied after an invitation). */
    public Uni<java.util.List<Intake>> byApplicants(Collection<String> nationalIdHashes) {
        return nationalIdHashes.isEmpty() ? Uni.createFrom().item(java.util.List.of())
                : intakes.list("applicantNationalIdHash in ?1", nationalIdHashes);
    }

    /** The program cases of these intakes (monitoring: which programs a person already gets, who was helped). */
    public Uni<java.util.List<ProgramCase>> casesOf(Collection<UUID> intakeIds) {
        return cases.listByIntakes(intakeIds);
    }

    /** Every intake whose applicant left this phone (look-up hash), newest first. */
    public Uni<java.util.List<Intake>> byApplicantPhone(String phoneHash) {
        return intakes.list("applicantPhoneHash = ?1 order by submittedAt desc", phoneHash);
    }

    public Uni<Intake> find(UUID id) {
        return intakes.findById(id);
    }

    /** The intake printed with this number, or null. */
    public Uni<Intake> byNumber(String intakeNumber) {
        return intakes.find("intakeNumber", intakeNumber).firstResult();
    }

    /** The applicant's national id in clear, for comparisons inside the service only (never an answer or a log). */
    public String applicantNationalId(Intake intake) {
        return protector.decrypt(intake.applicantNationalIdEncrypted);
    }

    /** The phone the applicant gave on the application, in clear, to send them a text; null when none. */
    public String applicantPhone(Intake intake) {
        return protector.decrypt(intake.applicantPhoneEncrypted);
    }

    public Uni<Map<UUID, Intake>> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return intakes.list("id in ?1", ids).map(list -> list.stream().collect(Collectors.toMap(i -> i.id, Function.identity())));
    }

    /** The evaluation of one revision, kept forever so decisions can be reproduced. */
    public Uni<IntakeSnapshot> snapshot(UUID intakeId, int revision) {
        return Panache.getSession().chain(session -> session.find(IntakeSnapshot.class, new IntakeSnapshot.Key(intakeId, revision)));
    }

    public Household household(Intake intake) {
        return json.read(intake.household, Household.class);
    }

    public Screening evaluation(Intake intake) {
        return json.read(intake.evaluation, Screening.class);
    }

    /** The applicant in clear: only for the audited staff reveal, never for an ordinary answer. */
    public ApplicantDetails applicantInClear(Intake intake) {
        return new ApplicantDetails(intake.applicantName, protector.decrypt(intake.applicantNationalIdEncrypted),
                protector.decrypt(intake.applicantPhoneEncrypted), null);
    }

    /** The applicant with national id and phone masked. */
    public ApplicantView applicant(Intake intake) {
        return ApplicantCodec.view(new ApplicantDetails(intake.applicantName,
                protector.decrypt(intake.applicantNationalIdEncrypted), protector.decrypt(intake.applicantPhoneEncrypted), null));
    }
}
