package io.onestop.assistance.cases.verification;

import io.onestop.assistance.cases.verification.VerificationResult.FieldCheck;
import io.onestop.assistance.cases.verification.VerificationResult.MemberChecks;
import io.onestop.assistance.cases.verification.VerificationResult.Outcome;
import io.onestop.assistance.programs.Employment;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.HouseholdMember;
import io.onestop.assistance.programs.Yuan;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Compares a declared household with agency records. Only records above the declaration are discrepancies: a
 * household that declares more than the records show harms nobody. Money may differ by a tolerance, because pay and
 * balances move from month to month; counts (vehicles, homes, businesses) must not.
 */
public final class EconomicStatusVerifier {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EconomicStatusVerifier() {
    }

    /**
     * @param checkedMembers member id to look-up hash, for the members whose consent is on record
     */
    public static VerificationResult compare(Household household, Map<String, String> checkedMembers,
            List<AgencyRecord> records, List<String> sources, int tolerancePercent, OffsetDateTime now) {
        Map<String, List<AgencyRecord>> byPerson = records.stream().collect(Collectors.groupingBy(AgencyRecord::personHash));
        List<MemberChecks> members = new ArrayList<>();
        for (HouseholdMember member : household.members()) {
            String hash = checkedMembers.get(member.id());
            if (hash == null) {
                members.add(new MemberChecks(member.id(), member.relationship().name(), false, List.of()));
                continue;
            }
            List<AgencyRecord> own = byPerson.getOrDefault(hash, List.of());
            boolean employed = member.employment() == Employment.EMPLOYED;
            members.add(new MemberChecks(member.id(), member.relationship().name(), true, List.of(
                    check(RecordField.MONTHLY_INCOME, member.monthlyIncome(), own, tolerancePercent),
                    check(RecordField.SOCIAL_INSURANCE, employed ? BigDecimal.ONE : BigDecimal.ZERO, own, 0),
                    check(RecordField.BUSINESS_REGISTRATION, BigDecimal.ZERO, own, 0))));
        }
        Set<String> checkedHashes = Set.copyOf(checkedMembers.values());
        List<AgencyRecord> householdRecords = records.stream().filter(r -> checkedHashes.contains(r.personHash())).toList();
        List<FieldCheck> householdChecks = List.of(
                check(RecordField.DEPOSITS, household.assets().financialAssets(), householdRecords, tolerancePercent),
                check(RecordField.VEHICLES, BigDecimal.valueOf(household.assets().nonEssentialVehicles()), householdRecords, 0),
                check(RecordField.REAL_ESTATE, BigDecimal.valueOf(household.assets().ownedHomes()), householdRecords, 0));
        Predicate<FieldCheck> discrepancy = c -> c.outcome() == Outcome.DISCREPANCY;
        int discrepancies = (int) (members.stream().flatMap(m -> m.checks().stream()).filter(discrepancy).count()
                + householdChecks.stream().filter(discrepancy).count());
        return new VerificationResult(now, sources, discrepancies, members, householdChecks);
    }

    private static FieldCheck check(RecordField field, BigDecimal declared, List<AgencyRecord> records, int tolerancePercent) {
        List<AgencyRecord> matching = records.stream().filter(r -> r.field() == field).toList();
        if (matching.isEmpty()) {
            return new FieldCheck(field, Yuan.plain(declared), null, null, Outcome.NO_RECORD);
        }
        BigDecimal recorded = matching.stream().map(AgencyRecord::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        String agency = matching.stream().map(AgencyRecord::agency).distinct().collect(Collectors.joining(","));
        BigDecimal allowed = declared.multiply(HUNDRED.add(BigDecimal.valueOf(tolerancePercent))).divide(HUNDRED);
        Outcome outcome = recorded.compareTo(allowed) > 0 ? Outcome.DISCREPANCY : Outcome.MATCH;
        return new FieldCheck(field, Yuan.plain(declared), Yuan.plain(recorded), agency, outcome);
    }
}
