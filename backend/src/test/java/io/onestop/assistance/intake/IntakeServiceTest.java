package io.onestop.assistance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import io.onestop.assistance.intake.api.DraftRequest;
import io.onestop.assistance.intake.api.SubmitRequest;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Submission at service level, many residents at once, against the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IntakeServiceTest {

    private static final int RESIDENTS = 40;

    @Inject
    DraftService drafts;

    @Inject
    IntakeService intakes;

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void concurrentSubmissionsOfManyResidentsGetUniqueNumbersAndTheirCases() throws Exception {
        DraftRequest template = mapper.readValue(TestData.draft(TestData.HOUSEHOLD_A, "x"), DraftRequest.class);
        List<String> owners = new ArrayList<>();
        List<UUID> draftIds = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            String owner = "load-" + UUID.randomUUID();
            DraftRequest request = new DraftRequest(template.household(), new io.onestop.assistance.intake.api.ApplicantDetails(
                    "测试" + i, TestData.nationalId(), "13800000000", null), null, null);
            owners.add(owner);
            draftIds.add(OnVertx.await(vertx, () -> drafts.create(owner, request)).id());
        }

        // all submissions in flight together, each on its own request context
        List<Supplier<Uni<StoredAnswer>>> submissions = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            String owner = owners.get(i);
            SubmitRequest submit = new SubmitRequest(draftIds.get(i), true);
            submissions.add(() -> intakes.submit(owner, UUID.randomUUID().toString(), submit));
        }
        List<StoredAnswer> answers = OnVertx.awaitAll(vertx, submissions);

        Set<String> numbers = new HashSet<>();
        for (StoredAnswer answer : answers) {
            assertEquals(201, answer.status());
            JsonNode body = new ObjectMapper().readTree(answer.body());
            numbers.add(body.get("intakeNumber").asText());
            assertEquals(3, body.get("cases").size()); // MLA, education, employment: example A
        }
        assertEquals(RESIDENTS, numbers.size());

        long cases = OnVertx.await(vertx, () -> pool.preparedQuery("""
                        select count(*) from program_case c join intake i on i.id = c.intake_id
                        where i.owner_subject = any($1)""")
                .execute(Tuple.of(owners.toArray(String[]::new))).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(3L * RESIDENTS, cases);

        // each submission stores personal data, so each leaves its audit row (the fault runs found none)
        long audited = OnVertx.await(vertx, () -> pool.preparedQuery("""
                        select count(*) from audit_event a join intake i on a.object_id = i.id::text
                        where a.action = 'INTAKE_SUBMIT' and a.object_type = 'INTAKE' and i.owner_subject = any($1)""")
                .execute(Tuple.of(owners.toArray(String[]::new))).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(RESIDENTS, audited);
    }
}
