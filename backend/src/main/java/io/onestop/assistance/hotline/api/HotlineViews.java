package io.onestop.assistance.hotline.api;

import io.onestop.assistance.hotline.VerificationQuestion;
import io.onestop.assistance.intake.api.DraftView;
import io.onestop.assistance.programs.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the hotline API. No answer carries a national id number, masked or not. */
public final class HotlineViews {

    private HotlineViews() {
    }

    /** Call references are codes of the call system; the pattern keeps personal data out of the audit log. */
    static final String CALL_REFERENCE = "[A-Za-z0-9][A-Za-z0-9-]{3,59}";

    @Schema(name = "HotlineCallRequest", example = """
            {"callReference":"12345-20261205-0042","line":"12345"}""")
    public record CallRequest(
            @NotNull @Pattern(regexp = CALL_REFERENCE, message = "must be the call system's reference (4-60 letters, digits, '-')")
            String callReference,
            @NotNull @Pattern(regexp = "12345|12349", message = "must be 12345 or 12349") String line) {
    }

    @Schema(name = "HotlineCall", example = """
            {"id":"7c9e...","callReference":"12345-20261205-0042","line":"12345","openedAt":"2026-12-05T09:00:00Z",
             "verified":true,"verifiedAt":"2026-12-05T09:01:10Z","questionsAnswered":["FULL_NAME","BIRTH_DATE"],
             "intakesFound":["5b0e..."],"notes":[{"id":1,"writtenAt":"2026-12-05T09:03:00Z","text":"来电询问低保进度"}]}""")
    public record CallView(UUID id, String callReference, String line, OffsetDateTime openedAt, boolean verified,
            OffsetDateTime verifiedAt, List<VerificationQuestion> questionsAnswered,
            @Schema(description = "Intakes a search of this call found: only their status may be read in this call")
            List<UUID> intakesFound, List<NoteView> notes) {
    }

    public record QuestionView(VerificationQuestion code, LocalizedText text) {
    }

    public record AnsweredQuestion(@NotNull VerificationQuestion question,
            @Schema(description = "Whether the caller's answer matched; the answer itself is not recorded") boolean correct) {
    }

    @Schema(name = "CallerVerificationRequest", example = """
            {"questionsAnswered":[{"question":"FULL_NAME","correct":true},{"question":"BIRTH_DATE","correct":true},
              {"question":"INTAKE_NUMBER","correct":false}],"reason":"来电人询问本人低保申请进度"}""")
    public record VerificationRequest(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull AnsweredQuestion> questionsAnswered,
            @NotBlank @Size(min = 4, max = 500) @Schema(description = "Why the caller is to be looked up") String reason) {
    }

    // examples name a phone, never an id number: the OpenAPI document is an answer like any other
    @Schema(name = "HotlineSearchRequest", description = "Exactly one of nationalId (18 characters) and phone", example = """
            {"phone":"13812345678"}""")
    public record SearchRequest(@Size(max = 18) String nationalId, @Size(max = 11) String phone) {
    }

    @Schema(name = "HotlineSearchResult", example = """
            {"callerRegistered":true,"intakes":[{"intakeId":"5b0e...","intakeNumber":"JZ-140105-2026-000123",
              "applicantName":"李*","applicantPhone":"138****5678","regionCode":"140105","status":"ACTIVE",
              "submittedAt":"2026-11-22T09:00:00Z"}]}""")
    public record SearchResult(
            @Schema(description = "The person is known as a resident (bound or met by staff before)") boolean callerRegistered,
            @Schema(description = "Intakes of the person within the hotline's city; others are not shown") List<IntakeMatch> intakes) {
    }

    public record IntakeMatch(UUID intakeId, String intakeNumber, String applicantName, String applicantPhone,
            String regionCode, String status, OffsetDateTime submittedAt) {
    }

    @Schema(name = "CallNoteRequest", example = """
            {"text":"来电人行动不便，希望经办人员电话联系"}""")
    public record NoteRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record NoteView(long id, OffsetDateTime writtenAt, String text) {
    }

    @Schema(name = "AssistedDraft", description = "A draft prepared on the phone; the resident confirms and submits it on their own device")
    public record AssistedDraftView(UUID draftId, String callReference, OffsetDateTime preparedAt, DraftView draft,
            LocalizedText nextStep) {
    }

    @Schema(name = "VerbalSubmissionRequest", example = """
            {"consentTextVersion":"2026-01","consentReadOut":true,"callerConsented":true}""")
    public record VerbalSubmissionRequest(
            @NotBlank @Schema(description = "The version of the consent text read out to the caller") String consentTextVersion,
            @NotNull @AssertTrue(message = "the consent text must be read out to the caller") Boolean consentReadOut,
            @NotNull @AssertTrue(message = "the caller must consent verbally to submission and verification") Boolean callerConsented) {
    }

    @Schema(name = "VerbalMemberConsentRequest", description = "nationalId: the member's 18-character national id number", example = """
            {"nationalId":"<the member's 18-character id number>","guardianName":null,"consentTextVersion":"2026-01"}""")
    public record MemberConsentRequest(@NotBlank @Size(max = 18) String nationalId,
            @Size(max = 100) @Schema(nullable = true, description = "The guardian's name when a guardian consents for the member") String guardianName,
            @NotBlank String consentTextVersion) {
    }

    @Schema(name = "HandoffRequest", example = """
            {"note":"来电人反映材料已补交，请尽快联系"}""")
    public record HandoffRequest(@Size(max = 2000) String note) {
    }

    public record HandoffView(long id, UUID caseId, OffsetDateTime handedAt, String callReference) {
    }
}
