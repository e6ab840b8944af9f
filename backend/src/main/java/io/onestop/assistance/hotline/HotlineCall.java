package io.onestop.assistance.hotline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One call taken on the hotline, owned by the staff member who took it. Nothing about the caller may be looked up
 * before {@link #verifiedAt} is set: how the caller was verified and why the look-up is needed are recorded first.
 */
@Entity
@Table(name = "hotline_call")
public class HotlineCall {

    @Id
    public UUID id;

    /** The call system's own reference (工单号), quoted in every audit row of the call. */
    @Column(name = "call_reference", nullable = false)
    public String callReference;

    /** 12345 (city service line) or 12349 (elderly-care line). */
    @Column(nullable = false)
    public String line;

    @Column(name = "staff_subject", nullable = false)
    public String staffSubject;

    @Column(name = "staff_region", nullable = false)
    public String staffRegion;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    /** Codes of the verification questions the caller answered correctly. */
    @Column(name = "verification_questions")
    public String[] verificationQuestions;

    @Column(name = "verification_reason")
    public String verificationReason;

    /** Look-up hash of the national id the caller was searched by: an assisted filing must be for this person. */
    @Column(name = "caller_id_hash")
    public String callerIdHash;

    public boolean verified() {
        return verifiedAt != null;
    }
}
