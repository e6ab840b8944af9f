package io.onestop.assistance.cases.verification;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.cases.CaseEvent;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.CasesConfig;
import io.onestop.assistance.cases.StaffActor;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.Workflow;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.programs.Household;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Economic-status verification of a case (家庭经济状况核对): compares the declared household with agency records,
 * refused until every adult member has consented. The sources are asked outside any database transaction (in
 * production they are remote); the result, its timeline entry and its audit entry are then written together.
 */
@ApplicationScoped
public class VerificationService {

    private final CaseService cases;
    private final IntakeLookup intakes;
    private final ConsentService consents;
    private final List<VerificationSource> sources;
    private final AuditLog audit;
    private final JsonCodec json;
    private final CasesConfig config;
    private final Clock clock;

    public VerificationService(CaseService cases, IntakeLookup intakes, ConsentService consents,
            @All List<VerificationSource> sources, AuditLog audit, JsonCodec json, CasesConfig config, Clock clock) {
        this.cases = cases;
        this.intakes = intakes;
        this.consents = consents;
        this.sources = sources;
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** What the sources are asked about: the household and the look-up hashes of consenting members. */
    private record Subject(Household household, Map<String, String> hashes) {
    }

    public Uni<VerificationResult> verify(StaffActor actor, UUID caseId) {
        return Panache.withSession(() -> prepare(actor, caseId))
                .chain(subject -> ask(subject.hashes().values().stream().distinct().toList())
                        .map(records -> EconomicStatusVerifier.compare(subject.household(), subject.hashes(), records,
                                sources.stream().map(VerificationSource::name).toList(),
                                config.verificationTolerancePercent(), OffsetDateTime.now(clock))))
                .chain(result -> Panache.withTransaction(() -> record(actor, caseId, result)));
    }

    private Uni<Subject> prepare(StaffActor actor, UUID caseId) {
        return cases.inScope(actor, caseId).chain(c -> {
            checkStep(c.status);
            return intakes.find(c.intakeId).chain(intake -> consents.status(intake).chain(status -> {
                if (!status.complete()) {
                    throw ProblemException.conflict("consent-missing",
                            "Nothing is verified without the signed consent of every adult member of the household. "
                                    + "Not signed yet: " + String.join(", ", status.missing())
                                    + ". The resident can sign for them in the portal.");
                }
                return consents.consentedHashes(intake).map(hashes -> new Subject(intakes.household(intake), hashes));
            }));
        });
    }

    private Uni<List<AgencyRecord>> ask(List<String> hashes) {
        List<Uni<List<AgencyRecord>>> answers = sources.stream().map(s -> s.recordsOf(hashes)).toList();
        if (answers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(answers).andFailFast().map(lists -> {
            List<AgencyRecord> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    private Uni<VerificationResult> record(StaffActor actor, UUID caseId, VerificationResult result) {
        return cases.inScope(actor, caseId).chain(c -> {
            checkStep(c.status); // the case may have moved while the sources answered
            CaseVerification verification = new CaseVerification();
            verification.caseId = c.id;
            verification.performedAt = result.performedAt();
            verification.performedBy = actor.subject();
            verification.discrepancies = result.discrepancies();
            verification.result = json.write(result);
            return Panache.getSession().chain(session -> session.persist(verification)
                    .call(() -> cases.note(session, c, actor.subject(), Workflow.CASEWORKER, CaseEvent.VERIFICATION, null,
                            Map.of("discrepancies", result.discrepancies())))
                    .call(() -> audit.record(session, new AuditLog.Entry(actor.subject(), Workflow.CASEWORKER,
                            "VERIFY_ECONOMIC_STATUS", "PROGRAM_CASE", c.id.toString(), "OK", null)))
                    .replaceWith(result));
        });
    }

    private static void checkStep(String status) {
        if (!CaseStep.VERIFYING.name().equals(status)) {
            throw ProblemException.conflict("not-in-verification",
                    "Economic-status verification is done while the case is in step VERIFYING (it is " + status + ").");
        }
    }
}
