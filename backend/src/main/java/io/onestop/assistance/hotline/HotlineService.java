package io.onestop.assistance.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.Resident;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.notice.PublicNoticeEntry;
import io.onestop.assistance.cases.verification.ConsentService;
import io.onestop.assistance.cases.verification.ConsentView;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import io.onestop.assistance.hotline.api.HotlineViews.AnsweredQuestion;
import io.onestop.assistance.hotline.api.HotlineViews.AssistedDraftView;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.hotline.api.HotlineViews.CallRequest;
import io.onestop.assistance.hotline.api.HotlineViews.CallView;
import io.onestop.assistance.hotline.api.HotlineViews.HandoffView;
import io.onestop.assistance.hotline.api.HotlineViews.IntakeMatch;
import io.onestop.assistance.hotline.api.HotlineViews.MemberConsentRequest;
import io.onestop.assistance.hotline.api.HotlineViews.NoteView;
import io.onestop.assistance.hotline.api.HotlineViews.SearchRequest;
import io.onestop.assistance.hotline.api.HotlineViews.SearchResult;
import io.onestop.assistance.hotline.api.HotlineViews.VerbalSubmissionRequest;
import io.onestop.assistance.hotline.api.HotlineViews.VerificationRequest;
import io.onestop.assistance.intake.DraftService;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.intake.IntakeService;
import io.onestop.assistance.intake.api.ApplicantView;
import io.onestop.assistance.intake.api.DraftRequest;
import io.onestop.assistance.intake.api.DraftView;
import io.onestop.assistance.intake.api.SubmitRequest;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.tracking.MaskingPolicy;
import io.onestop.assistance.tracking.StatusView;
import io.onestop.assistance.tracking.TrackingService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The hotline's side of the portal (12345 / 12349 热线): staff open a call, record how they verified the caller and
 * why, and only then look the caller up. Every look-up and every act on the caller's behalf is audited with the call
 * reference. Reach: the city of the staff member's region ({@link HotlineStaff}); intakes outside it are not found,
 * and a call is seen only by the staff member who took it (404 for anyone else, as for anything unknown).
 */
@ApplicationScoped
public class HotlineService {

    static final String ROLE = "hotline";
    private static final String CALL = "HOTLINE_CALL";

    private final IntakeLookup intakes;
    private final IntakeService intakeService;
    private final DraftService drafts;
    private final ResidentService residents;
    private final TrackingService tracking;
    private final CaseService cases;
    private final ConsentService consents;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final HotlineConfig config;
    private final Clock clock;
    private final JsonCodec json;

    public HotlineService(IntakeLookup intakes, IntakeService intakeService, DraftService drafts, ResidentService residents,
            TrackingService tracking, CaseService cases, ConsentService consents, PersonalDataProtector protector,
            AuditLog audit, OutboxWriter outbox, HotlineConfig config, Clock clock, JsonCodec json) {
        this.intakes = intakes;
        this.intakeService = intakeService;
        this.drafts = drafts;
        this.residents = residents;
        this.tracking = tracking;
        this.cases = cases;
        this.consents = consents;
        this.protector = protector;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    @WithTransaction
    public Uni<CallView> open(HotlineStaff staff, CallRequest request) {
        HotlineCall call = new HotlineCall();
        call.id = UUID.randomUUID();
        call.callReference = request.callReference();
        call.line = request.line();
        call.staffSubject = staff.subject();
        call.staffRegion = staff.regionCode() == null ? "" : staff.regionCode();
        call.openedAt = OffsetDateTime.now(clock);
        return Panache.getSession().chain(session -> session.persist(call).call(session::flush)
                .chain(() -> view(session, call)));
    }

    @WithSession
    public Uni<CallView> get(HotlineStaff staff, UUID callId) {
        return Panache.getSession().chain(session -> call(session, staff, callId).chain(call -> view(session, call)));
    }

    /**
     * Records the caller verification: which questions were answered correctly and why the caller is looked up. Too
     * few correct answers is recorded and audited as a failed check, then refused (422); the call stays unverified.
     */
    public Uni<CallView> verify(HotlineStaff staff, UUID callId, VerificationRequest request) {
        List<VerificationQuestion> correct = request.questionsAnswered().stream().filter(AnsweredQuestion::correct)
                .map(AnsweredQuestion::question).distinct().toList();
        boolean enough = correct.size() >= config.minCorrectAnswers();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> call(session, staff, callId)
                        .call(call -> {
                            if (enough) {
                                call.verifiedAt = OffsetDateTime.now(clock);
                                call.verificationQuestions = correct.stream().map(Enum::name).toArray(String[]::new);
                                call.verificationReason = request.reason().strip();
                            }
                            return audit(session, call, "HOTLINE_VERIFY_CALLER", CALL, call.id, enough ? "OK" : "FAILED");
                        })
                        .call(session::flush)
                        .chain(call -> view(session, call))))
                .invoke(() -> {
                    if (!enough) {
                        throw ProblemException.invalid("questionsAnswered", "来电人身份核验未通过：至少需答对 "
                                + config.minCorrectAnswers() + " 个核验问题 / the caller is not verified: at least "
                                + config.minCorrectAnswers() + " questions must be answered correctly");
                    }
                });
    }

    /**
     * Looks the caller up by national id or phone, once verified (409 before). Answers the intakes within reach,
     * masked (no id numbers, name and phone masked), and remembers them as found in this call. Audited.
     */
    @WithTransaction
    public Uni<SearchResult> search(HotlineStaff staff, UUID callId, SearchRequest request) {
        boolean byId = request.nationalId() != null && !request.nationalId().isBlank();
        boolean byPhone = request.phone() != null && !request.phone().isBlank();
        if (byId == byPhone) {
            throw ProblemException.invalid("nationalId", "请提供身份证号或手机号之一 / give either a national id number or a phone number");
        }
        String hash;
        if (byId) {
            String nationalId = NationalId.normalize(request.nationalId());
            if (!NationalId.isValid(nationalId)) {
                throw ProblemException.invalid("nationalId", "请填写正确的 18 位身份证号 / a valid 18-character national id number is required");
            }
            hash = protector.lookupHash(nationalId);
        } else {
            if (!request.phone().strip().matches("1\\d{10}")) {
                throw ProblemException.invalid("phone", "请填写 11 位手机号 / an 11-digit mobile number is required");
            }
            hash = protector.lookupHash(request.phone().strip());
        }
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId).chain(call -> {
            Uni<Resident> resident = byId ? residents.findByNationalIdHash(hash) : residents.findByPhoneHash(hash);
            Uni<List<Intake>> found = byId ? intakes.byApplicant(hash) : intakes.byApplicantPhone(hash);
            return resident.chain(person -> found.chain(list -> {
                List<Intake> reachable = list.stream().filter(i -> staff.reaches(i.regionCode, config.scopePrefixLength())).toList();
                // who the caller is: the id searched for; a phone identifies them only when it points to one person
                // and no id search has named the caller yet (one phone is often shared within a family)
                if (byId) {
                    call.callerIdHash = hash;
                } else if (call.callerIdHash == null && person != null) {
                    call.callerIdHash = person.nationalIdHash;
                } else if (call.callerIdHash == null && !reachable.isEmpty()
                        && reachable.stream().map(i -> i.applicantNationalIdHash).distinct().count() == 1) {
                    call.callerIdHash = reachable.get(0).applicantNationalIdHash;
                }
                Uni<Void> remembered = Uni.createFrom().voidItem();
                for (Intake intake : reachable) {
                    remembered = remembered.call(() -> session.createNativeQuery(
                                    "insert into hotline_call_match (call_id, intake_id) values (?1, ?2) on conflict do nothing")
                            .setParameter(1, call.id).setParameter(2, intake.id).executeUpdate());
                }
                SearchResult result = new SearchResult(person != null, reachable.stream().map(this::match).toList());
                return remembered
                        .call(() -> audit(session, call, byId ? "HOTLINE_SEARCH_BY_NATIONAL_ID" : "HOTLINE_SEARCH_BY_PHONE",
                                CALL, call.id, "MATCHES=" + reachable.size()))
                        .replaceWith(result);
            }));
        }));
    }

    /** The status of an intake found in this call, masked for the hotline. Audited; 404 for any other intake. */
    @WithTransaction
    public Uni<StatusView> status(HotlineStaff staff, UUID callId, UUID intakeId) {
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId)
                .chain(call -> found(session, staff, call, intakeId, "HOTLINE_VIEW_STATUS")
                        .call(intake -> audit(session, call, "HOTLINE_VIEW_STATUS", "INTAKE", intake.id, "OK"))
                        .chain(intake -> tracking.build(intake, MaskingPolicy.HOTLINE))));
    }

    /**
     * Prepares a draft for the verified caller (代办): the draft is the resident's, under their owner key, so the
     * resident sees it after real-name binding on the web or in the mini program and confirms and submits it there.
     * The applicant must be the person the call searched for by id (409 before any such search, 422 for someone else).
     */
    @WithTransaction
    public Uni<AssistedDraftView> prepareDraft(HotlineStaff staff, UUID callId, DraftRequest request) {
        if (request.applicant() == null || !NationalId.isValid(request.applicant().nationalId())) {
            throw ProblemException.invalid("applicant.nationalId", "请填写正确的 18 位身份证号 / a valid 18-character national id number is required");
        }
        if (request.applicant().name() == null || request.applicant().name().isBlank()) {
            throw ProblemException.invalid("applicant.name", "请填写申请人姓名 / the applicant's name is required");
        }
        if (!staff.reaches(request.household().regionCode(), config.scopePrefixLength())) {
            throw ProblemException.invalid("household.regionCode",
                    "该地区不在本热线服务范围内 / this region is outside the city your hotline serves");
        }
        String nationalId = NationalId.normalize(request.applicant().nationalId());
        String hash = protector.lookupHash(nationalId);
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId).chain(call -> {
            if (call.callerIdHash == null) {
                throw ProblemException.conflict("caller-not-identified",
                        "Search the caller by national id in this call first; an assisted filing is for the verified caller.");
            }
            if (!call.callerIdHash.equals(hash)) {
                throw ProblemException.invalid("applicant.nationalId",
                        "申请人须为本次来电已核验的来电人 / the applicant must be the caller verified in this call");
            }
            return residents.register(session, nationalId, request.applicant().name().strip())
                    .chain(resident -> drafts.create(resident.ownerKey(), request).chain(draft -> {
                        AssistedDraft assisted = new AssistedDraft();
                        assisted.draftId = draft.id();
                        assisted.callId = call.id;
                        assisted.residentId = resident.id;
                        assisted.preparedBy = staff.subject();
                        assisted.preparedAt = OffsetDateTime.now(clock);
                        return session.persist(assisted)
                                .call(() -> audit(session, call, "HOTLINE_PREPARE_DRAFT", "DRAFT", draft.id(), "OK"))
                                // the resident hears of it on their own channels: nothing is filed until they confirm
                                .call(() -> outbox.append(session, "RESIDENT", resident.id, "ASSISTED_DRAFT_PREPARED",
                                        Map.of("draftId", draft.id().toString(), "line", call.line == null ? "12345" : call.line)))
                                .replaceWith(new AssistedDraftView(draft.id(), call.callReference, assisted.preparedAt,
                                        forHotline(draft), LocalizedText.of(
                                                "草稿已保存到申请人名下。请申请人用本人身份证实名登录网上大厅或小程序，核对后确认提交并签署授权书；"
                                                        + "如申请人无法自行操作，可在本次通话中宣读授权书并取得口头同意后代为提交。",
                                                "The draft is saved for the applicant. They log in on the web portal or the mini "
                                                        + "program with their own id (real-name binding), check it, and submit it with "
                                                        + "the consent. If they cannot, read the consent text out in this call and "
                                                        + "submit it on their verbal consent.")));
                    }));
        }));
    }

    /**
     * Submits an assisted draft on the caller's verbal consent, for a caller who cannot use their own device: the
     * consent text read out must be the one in force. The submission is the intake context's own (idempotent per key,
     * one transaction); the verbal consent (channel HOTLINE_VERBAL, who took it, call reference) and the audit row
     * follow in a second transaction, which a retry with the same key completes if it was interrupted.
     */
    public Uni<StoredAnswer> submitOnVerbalConsent(HotlineStaff staff, UUID callId, UUID draftId, String idempotencyKey,
            VerbalSubmissionRequest request) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> verifiedCall(session, staff, callId)
                        .chain(call -> session.find(AssistedDraft.class, draftId).map(assisted -> {
                            if (assisted == null || !assisted.callId.equals(call.id)) {
                                throw ProblemException.notFound("No such draft prepared in this call.");
                            }
                            return assisted;
                        }))
                        .call(assisted -> consents.currentText().invoke(text -> {
                            if (!text.version.equals(request.consentTextVersion())) {
                                throw ProblemException.invalid("consentTextVersion", "请宣读现行版本（" + text.version
                                        + "）的授权书 / read out the consent text in force (version " + text.version + ")");
                            }
                        }))))
                .chain(assisted -> intakeService.submit(Resident.ownerKey(assisted.residentId), idempotencyKey,
                                new SubmitRequest(draftId, true))
                        .chain(answer -> {
                            JsonNode intake = json.readTree(answer.body());
                            String intakeId = intake.get("id").asText();
                            return Panache.withTransaction(() -> recordVerbalConsent(staff, callId, draftId,
                                            UUID.fromString(intakeId), request.consentTextVersion()))
                                    .replaceWith(new StoredAnswer(answer.status(),
                                            "/api/v1/hotline/calls/" + callId + "/intakes/" + intakeId + "/status",
                                            json.write(withoutIdentifiers(intake))));
                        }));
    }

    private Uni<Void> recordVerbalConsent(HotlineStaff staff, UUID callId, UUID draftId, UUID intakeId, String textVersion) {
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId)
                .chain(call -> session.find(AssistedDraft.class, draftId).chain(assisted -> {
                    if (assisted.submittedIntakeId != null) {
                        return Uni.createFrom().voidItem(); // a retry: recorded already
                    }
                    assisted.submittedIntakeId = intakeId;
                    assisted.verbalConsentAt = OffsetDateTime.now(clock);
                    assisted.verbalConsentTakenBy = staff.subject();
                    assisted.consentTextVersion = textVersion;
                    return intakes.find(intakeId)
                            .call(intake -> consents.recordApplicantVerbalConsent(intake, staff.subject(), call.callReference))
                            .call(() -> session.createNativeQuery(
                                            "insert into hotline_call_match (call_id, intake_id) values (?1, ?2) on conflict do nothing")
                                    .setParameter(1, call.id).setParameter(2, intakeId).executeUpdate())
                            .call(() -> audit(session, call, "HOTLINE_SUBMIT_ON_VERBAL_CONSENT", "INTAKE", intakeId, "OK"))
                            .replaceWithVoid();
                })));
    }

    /** An adult member of an intake found in this call consents verbally (or their guardian for them). Audited. */
    @WithTransaction
    public Uni<ConsentView> memberConsent(HotlineStaff staff, UUID callId, UUID intakeId, String memberId,
            MemberConsentRequest request) {
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId)
                .chain(call -> consents.currentText().invoke(text -> {
                            if (!text.version.equals(request.consentTextVersion())) {
                                throw ProblemException.invalid("consentTextVersion", "请宣读现行版本（" + text.version
                                        + "）的授权书 / read out the consent text in force (version " + text.version + ")");
                            }
                        })
                        .chain(() -> found(session, staff, call, intakeId, "HOTLINE_RECORD_VERBAL_CONSENT"))
                        .chain(intake -> consents.signVerbally(intake, memberId, request.nationalId(), request.guardianName(),
                                staff.subject(), call.callReference))
                        .call(() -> audit(session, call, "HOTLINE_RECORD_VERBAL_CONSENT", "INTAKE", intakeId, "SIGNED:" + memberId))
                        .map(ConsentService.Signed::status)));
    }

    @WithTransaction
    public Uni<NoteView> addNote(HotlineStaff staff, UUID callId, String text) {
        return Panache.getSession().chain(session -> call(session, staff, callId).chain(call -> {
            CallNote note = new CallNote();
            note.callId = call.id;
            note.writtenAt = OffsetDateTime.now(clock);
            note.staffSubject = staff.subject();
            note.text = text.strip();
            return session.persist(note).call(session::flush).map(ignored -> new NoteView(note.id, note.writtenAt, note.text));
        }));
    }

    /** Hands a case of an intake found in this call to the caseworker queue, where it is flagged. Audited. */
    @WithTransaction
    public Uni<HandoffView> handOff(HotlineStaff staff, UUID callId, UUID intakeId, UUID caseId, String note) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String text = note == null || note.isBlank() ? null : note.strip();
        return Panache.getSession().chain(session -> verifiedCall(session, staff, callId)
                .chain(call -> found(session, staff, call, intakeId, "HOTLINE_HANDOFF")
                        .chain(intake -> cases.handOffFromHotline(session, intakeId, caseId, staff.subject(), call.callReference, text))
                        .chain(c -> session.createNativeQuery("""
                                        insert into hotline_handoff (call_id, case_id, handed_at, staff_subject, note)
                                        values (?1, ?2, ?3, ?4, ?5) returning id""", Long.class)
                                .setParameter(1, call.id).setParameter(2, c.id).setParameter(3, now)
                                .setParameter(4, staff.subject()).setParameter(5, text)
                                .getSingleResult())
                        .call(() -> audit(session, call, "HOTLINE_HANDOFF", "PROGRAM_CASE", caseId, "OK"))
                        .map(id -> new HandoffView(id, caseId, now, call.callReference))));
    }

    /** The call when the caller took it; 404 otherwise, so other staff cannot tell it exists. */
    private static Uni<HotlineCall> call(Mutiny.Session session, HotlineStaff staff, UUID callId) {
        return session.find(HotlineCall.class, callId).map(call -> {
            if (call == null || !call.staffSubject.equals(staff.subject())) {
                throw ProblemException.notFound("No such call of yours.");
            }
            return call;
        });
    }

    private static Uni<HotlineCall> verifiedCall(Mutiny.Session session, HotlineStaff staff, UUID callId) {
        return call(session, staff, callId).invoke(call -> {
            if (!call.verified()) {
                throw ProblemException.conflict("caller-not-verified",
                        "Record the caller verification (questions answered and reason) before looking anything up.");
            }
        });
    }

    /**
     * An intake a search of this call found and still within reach; 404 otherwise. An intake that exists but was not
     * found in this call, or lies outside the city, is a denial of {@code action}: audited with the call reference in a
     * transaction of its own (this one rolls back with the 404), before any audit row of this transaction takes the
     * chain's lock. An unknown id leaves no row; the answer is the same 404 either way.
     */
    private Uni<Intake> found(Mutiny.Session session, HotlineStaff staff, HotlineCall call, UUID intakeId, String action) {
        return session.createNativeQuery("select count(*) from hotline_call_match where call_id = ?1 and intake_id = ?2", Long.class)
                .setParameter(1, call.id).setParameter(2, intakeId).getSingleResult()
                .chain(n -> intakes.find(intakeId).chain(intake -> {
                    if (intake != null && n > 0 && staff.reaches(intake.regionCode, config.scopePrefixLength())) {
                        return Uni.createFrom().item(intake);
                    }
                    Uni<Void> denial = intake == null ? Uni.createFrom().voidItem() : audit.recordAlone(new AuditLog.Entry(
                            call.staffSubject, ROLE, action, "INTAKE", intakeId.toString(), "DENIED", call.callReference));
                    return denial.chain(() -> Uni.createFrom().<Intake>failure(
                            ProblemException.notFound("No such application found in this call.")));
                }));
    }

    private Uni<CallView> view(Mutiny.Session session, HotlineCall call) {
        return session.createQuery("from CallNote where callId = ?1 order by id", CallNote.class)
                .setParameter(1, call.id).getResultList()
                .chain(notes -> session.createNativeQuery(
                                "select intake_id from hotline_call_match where call_id = ?1 order by intake_id", UUID.class)
                        .setParameter(1, call.id).getResultList()
                        .map(found -> new CallView(call.id, call.callReference, call.line, call.openedAt, call.verified(),
                                call.verifiedAt,
                                call.verificationQuestions == null ? List.of()
                                        : java.util.Arrays.stream(call.verificationQuestions).map(VerificationQuestion::valueOf).toList(),
                                found, notes.stream().map(n -> new NoteView(n.id, n.writtenAt, n.text)).toList())));
    }

    private IntakeMatch match(Intake intake) {
        ApplicantView applicant = intakes.applicant(intake);
        return new IntakeMatch(intake.id, intake.intakeNumber, PublicNoticeEntry.maskName(intake.applicantName),
                applicant.phone(), intake.regionCode, intake.status.name(), intake.submittedAt);
    }

    /** The hotline's view of a draft: the id number left out, the name masked, as for every hotline answer. */
    private static DraftView forHotline(DraftView draft) {
        ApplicantView a = draft.applicant();
        ApplicantView masked = a == null ? null : new ApplicantView(PublicNoticeEntry.maskName(a.name()), null, a.phone(), a.address());
        return new DraftView(draft.id(), draft.version(), draft.household(), masked, draft.chosenPrograms(), draft.situation(),
                draft.createdAt(), draft.updatedAt());
    }

    /** The submission's answer without the applicant (which carries the masked id number) and the long evaluation. */
    private static JsonNode withoutIdentifiers(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("applicant");
        copy.remove("evaluation");
        return copy;
    }

    private Uni<Void> audit(Mutiny.Session session, HotlineCall call, String action, String objectType, UUID objectId,
            String result) {
        // the call reference is the audit reason of every hotline act: it ties the row to the recorded call
        return audit.record(session, new AuditLog.Entry(call.staffSubject, ROLE, action, objectType, objectId.toString(),
                result, call.callReference));
    }
}
