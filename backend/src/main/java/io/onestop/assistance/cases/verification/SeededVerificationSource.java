package io.onestop.assistance.cases.verification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;

/** The local stand-in for the data-exchange platform: the seeded {@code verification_record} table. */
@ApplicationScoped
public class SeededVerificationSource implements VerificationSource {

    private final Pool pool;

    public SeededVerificationSource(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "LOCAL_RECORDS";
    }

    @Override
    public Uni<List<AgencyRecord>> recordsOf(Collection<String> personHashes) {
        if (personHashes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        select person_hash, field, value, agency, recorded_on from verification_record
                        where person_hash = any($1) order by id""")
                .execute(Tuple.of(personHashes.toArray(String[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(SeededVerificationSource::record).toList());
    }

    private static AgencyRecord record(Row row) {
        return new AgencyRecord(row.getString("person_hash"), RecordField.valueOf(row.getString("field")),
                row.getBigDecimal("value"), row.getString("agency"), row.getLocalDate("recorded_on"));
    }
}
