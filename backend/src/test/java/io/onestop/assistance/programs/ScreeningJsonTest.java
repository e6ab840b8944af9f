package io.onestop.assistance.programs;

import static io.onestop.assistance.programs.Households.applicant;
import static io.onestop.assistance.programs.Households.household;
import static io.onestop.assistance.programs.Households.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON of a screening has exactly the field names of the contract, plain numbers, and reads back unchanged (the
 * intake stores it as JSONB). The mapper is configured as Quarkus configures its own: ISO dates, records.
 */
class ScreeningJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Screening screening = Households.screeningService().screen(household()
            .member(applicant(50).earning(1800)).member(member(Relationship.SPOUSE, 48)).medical(20_000).build());

    @Test
    void writesTheFieldsOfTheContract() throws Exception {
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(screening));
        assertEquals(Set.of("regionCode", "asOf", "parameterVersion", "programs"), names(tree));
        assertEquals("2026-11-22", tree.get("asOf").asText());
        JsonNode marginal = tree.get("programs").get(2);
        assertEquals(Set.of("program", "verdict", "urgent", "members", "estimate", "reasons", "whatWouldChange",
                "documents"), names(marginal));
        assertEquals(Set.of("amount", "period"), names(marginal.get("estimate")));
        JsonNode line = marginal.get("reasons").get(1);
        assertEquals(Set.of("code", "met", "actual", "threshold", "message"), names(line), "no member on a household reason");
        assertEquals("1003.5", line.get("threshold").toString(), "plain number, no exponent");
        assertEquals("900", line.get("actual").toString(), "no trailing zeros");
        assertEquals(Set.of("zh", "en"), names(line.get("message")));
        JsonNode change = tree.get("programs").get(0).get("whatWouldChange").get(0);
        assertEquals(Set.of("code", "target", "message"), names(change));
    }

    @Test
    void readsBackTheSameScreening() throws Exception {
        assertEquals(screening, JSON.readValue(JSON.writeValueAsString(screening), Screening.class));
    }

    @Test
    void readsTheContractExampleHousehold() throws Exception {
        Household household = JSON.readValue(Household.EXAMPLE, Household.class);
        assertEquals(List.of("m1"), household.members().stream().map(HouseholdMember::id).toList());
        assertEquals(household, JSON.readValue(JSON.writeValueAsString(household), Household.class));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
