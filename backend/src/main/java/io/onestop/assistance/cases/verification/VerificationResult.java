package io.onestop.assistance.cases.verification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The comparison of the declared household with agency records: per member and per household field, MATCH,
 * DISCREPANCY (records show more than declared) or NO_RECORD. Members are named by their household ids only.
 */
@Schema(name = "VerificationResult", example = """
        {"performedAt":"2026-11-24T10:00:00+08:00","sources":["LOCAL_RECORDS"],"discrepancies":1,
         "members":[{"memberId":"m2","relationship":"SPOUSE","checked":true,
           "checks":[{"field":"MONTHLY_INCOME","declared":900,"recorded":1500,"agency":"TAX","outcome":"DISCREPANCY"}]}],
         "household":[{"field":"VEHICLES","declared":0,"recorded":1,"agency":"PUBLIC_SECURITY","outcome":"DISCREPANCY"}]}""")
public record VerificationResult(OffsetDateTime performedAt, List<String> sources, int discrepancies,
        List<MemberChecks> members, List<FieldCheck> household) {

    public enum Outcome {
        MATCH, DISCREPANCY, NO_RECORD
    }

    /** {@code checked} is false for minors: they sign nothing and nobody asks agencies about them. */
    public record MemberChecks(String memberId, String relationship, boolean checked, List<FieldCheck> checks) {
    }

    public record FieldCheck(RecordField field, BigDecimal declared, BigDecimal recorded, String agency, Outcome outcome) {
    }
}
