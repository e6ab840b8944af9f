package io.onestop.assistance.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.onestop.assistance.common.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Idempotency-Key handling of api-conventions.md. A key is claimed in its own short transaction (state
 * IN_FLIGHT); the work then completes the record in the SAME transaction as its own writes, so an acknowledged
 * answer and its record commit or vanish together, and a crash can never let a retry create a second object.
 */
@ApplicationScoped
public class IdempotencyService {

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** A claim older than this belongs to a request that died (crash, kill -9) and may be taken over. */
    private final Duration abandonedAfter;

    public IdempotencyService(Pool pool, ObjectMapper mapper, Clock clock, IdempotencyConfig config) {
        this.pool = pool;
        this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
        this.abandonedAfter = config.abandonedAfter();
    }

    /**
     * The answer of a create request, as first given. The body is JSON text: written once from the view, stored as it
     * is and sent as it is, so an answer is not turned into a tree, a stored string and response bytes one after the
     * other (a sixth of a submission's CPU was Jackson, most of it that; issue #10).
     */
    public record StoredAnswer(int status, String location, String body) {
    }

    /**
     * Runs {@code work} once per (caller, key). {@code work} must call {@link #complete} inside its transaction.
     * A repeat after completion gets the stored answer; a repeat still in flight 409; another body 422.
     */
    public Uni<StoredAnswer> once(String owner, String rawKey, String operation, Object request,
            Supplier<Uni<StoredAnswer>> work) {
        UUID key = parseKey(rawKey);
        String hash = hash(operation, request);
        return claim(owner, key, operation, hash).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            return Uni.createFrom().deferred(work::get)
                    .onFailure().call(() -> release(owner, key));
        });
    }

    /** Records the answer; call it inside the transaction that made the object. */
    public Uni<Void> complete(Mutiny.Session session, String owner, String rawKey, StoredAnswer answer) {
        return session.createNativeQuery("""
                        update idempotency_record set state = 'COMPLETED', response_status = ?1,
                               response_location = ?2, response_body = cast(cast(?3 as text) as jsonb)
                        where owner_subject = ?4 and idempotency_key = ?5""")
                .setParameter(1, answer.status())
                .setParameter(2, answer.location())
                .setParameter(3, answer.body())
                .setParameter(4, owner)
                .setParameter(5, UUID.fromString(rawKey.strip()))
                .executeUpdate()
                .replaceWithVoid();
    }

    public static UUID parseKey(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            throw ProblemException.badRequest("The Idempotency-Key header (a UUID) is required for this request.");
        }
        try {
            return UUID.fromString(rawKey.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The Idempotency-Key header must be a UUID.");
        }
    }

    private Uni<StoredAnswer> claim(String owner, UUID key, String operation, String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Insert, or take over an abandoned claim; RETURNING tells whether this request owns the key now.
        return pool.preparedQuery("""
                        insert into idempotency_record (owner_subject, idempotency_key, operation, request_hash, state, created_at)
                        values ($1, $2, $3, $4, 'IN_FLIGHT', $5)
                        on conflict (owner_subject, idempotency_key) do update set created_at = excluded.created_at
                          where idempotency_record.state = 'IN_FLIGHT' and idempotency_record.created_at < $6
                            and idempotency_record.request_hash = excluded.request_hash
                        returning idempotency_key""")
                .execute(Tuple.of(owner, key, operation, hash, now, now.minus(abandonedAfter)))
                .chain(claimed -> claimed.size() == 1 ? Uni.createFrom().nullItem() : existing(owner, key, operation, hash));
    }

    private Uni<StoredAnswer> existing(String owner, UUID key, String operation, String hash) {
        return pool.preparedQuery("""
                        select operation, request_hash, state, response_status, response_location, response_body::text
                        from idempotency_record where owner_subject = $1 and idempotency_key = $2""")
                .execute(Tuple.of(owner, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        // Released by a failed first attempt between our insert and this read: ask to retry.
                        throw ProblemException.conflict("idempotency-in-flight",
                                "A request with this Idempotency-Key is being processed; retry shortly.");
                    }
                    Row row = rows.iterator().next();
                    if (!operation.equals(row.getString("operation")) || !hash.equals(row.getString("request_hash"))) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                                "This Idempotency-Key was used with a different request; use a new key.", null);
                    }
                    if (!"COMPLETED".equals(row.getString("state"))) {
                        throw ProblemException.conflict("idempotency-in-flight",
                                "A request with this Idempotency-Key is being processed; retry shortly.");
                    }
                    return new StoredAnswer(row.getInteger("response_status"), row.getString("response_location"),
                            row.getString("response_body"));
                });
    }

    private Uni<Void> release(String owner, UUID key) {
        return pool.preparedQuery("delete from idempotency_record where owner_subject = $1 and idempotency_key = $2 and state = 'IN_FLIGHT'")
                .execute(Tuple.of(owner, key))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private String hash(String operation, Object request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(mapper.valueToTree(request));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request", e);
        }
    }
}
