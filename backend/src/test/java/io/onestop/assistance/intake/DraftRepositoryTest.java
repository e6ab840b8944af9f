package io.onestop.assistance.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hibernate Reactive against the real PostgreSQL, on the schema Flyway migrated at start. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DraftRepositoryTest {

    @Inject
    DraftRepository drafts;

    @Inject
    Vertx vertx;

    @Test
    void flywayMigratedTheSchema() {
        // the history belongs to the schema owner; the application role may not even read it
        String version = OwnerSql.queryString("select max(version::int) from flyway_schema_history where success");
        assertTrue(Integer.parseInt(version) >= 1);
    }

    @Test
    void writesAndReadsADraftWithJsonAndArrayColumns() {
        Draft draft = new Draft();
        draft.id = UUID.randomUUID();
        draft.ownerSubject = "repository-test";
        draft.regionCode = "330106";
        draft.memberCount = 2;
        draft.household = "{\"regionCode\":\"330106\",\"members\":[{\"id\":\"m1\"},{\"id\":\"m2\"}]}";
        draft.chosenPrograms = new String[] {"MINIMUM_LIVING_ALLOWANCE", "MEDICAL_ASSISTANCE"};
        draft.createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        draft.updatedAt = draft.createdAt;
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> drafts.persist(draft)));

        Draft read = OnVertx.await(vertx, () -> Panache.withSession(() -> drafts.findOwned("repository-test", draft.id)));
        assertEquals("330106", read.regionCode);
        assertEquals(0, read.version);
        assertTrue(read.household.contains("\"m2\""));
        assertArrayEquals(draft.chosenPrograms, read.chosenPrograms);
        assertEquals(draft.createdAt.toInstant(), read.createdAt.toInstant());
        assertNull(read.applicantEncrypted);
        assertNull(OnVertx.await(vertx, () -> Panache.withSession(() -> drafts.findOwned("someone-else", draft.id))));
    }
}
