package io.onestop.assistance.notify;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.notify.sms.SmsSender;
import io.onestop.assistance.notify.subscribe.SubscribeMessageSender;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers outbox events to residents. Any number of workers (one per backend instance, or more) may run against
 * one database:
 * <ul>
 * <li>a batch is claimed in one statement ({@code update ... where id in (select ... for update skip locked)}), which
 * sets a lease and counts the try, so two workers never hold the same event and a dead worker's events come back
 * after the lease;</li>
 * <li>every step after that is its own short statement; no transaction is open while the SMS provider or the
 * gateway is called;</li>
 * <li>each channel of an event goes out at most once: the inbox row and its delivery row are one statement, and a
 * push channel is reserved ({@code notification_delivery}, primary key outbox id + channel) before the provider is
 * called, so a second worker or a retry skips it;</li>
 * <li>an event that reached nobody because a provider failed is tried again with exponential backoff and, after
 * {@link NotifyConfig#maxAttempts()} tries, dead-lettered (admins see it; the hotline gets a call-back task).</li>
 * </ul>
 * Not a CDI bean itself: {@link DeliveryScheduler} runs the instance of this backend, and a test may build a second
 * one on its own connection pool.
 */
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    /** What one event came to. */
    public enum Result { DELIVERED, RETRY, DEAD }

    private final Pool pool;
    private final SmsSender sms;
    private final SubscribeMessageSender subscribe;
    private final PersonalDataProtector protector;
    private final NotifyConfig config;
    private final Clock clock;
    private final String workerId;

    public DeliveryWorker(Pool pool, SmsSender sms, SubscribeMessageSender subscribe, PersonalDataProtector protector,
            NotifyConfig config, Clock clock, String workerId) {
        this.pool = pool;
        this.sms = sms;
        this.subscribe = subscribe;
        this.protector = protector;
        this.config = config;
        this.clock = clock;
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    /** Claims and delivers batches until none is due or the run's share is used up; answers how many were handled. */
    public Uni<Integer> runOnce() {
        return runBatches(0, 0);
    }

    private Uni<Integer> runBatches(int batch, int handled) {
        if (batch >= config.batchesPerRun()) {
            return Uni.createFrom().item(handled);
        }
        return deliverBatch().chain(count -> count == 0 ? Uni.createFrom().item(handled) : runBatches(batch + 1, handled + count));
    }

    /** One claimed batch, delivered; answers how many events it held. */
    public Uni<Integer> deliverBatch() {
        return claim().chain(events -> Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> deliver(event).onFailure().recoverWithUni(failure -> {
                    // a database or programming error: leave the claim to expire, the event is tried again
                    LOG.warnf("Delivery of outbox event %d stopped: %s", event.id(), failure.getClass().getSimpleName());
                    return Uni.createFrom().item(Result.RETRY);
                })).merge(Math.max(1, config.concurrency()))
                .collect().asList()
                .map(List::size));
    }

    /** An event as claimed. */
    record Claimed(long id, String aggregateType, UUID aggregateId, String eventType, JsonObject payload, int attempts) {
    }

    Uni<List<Claimed>> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery("""
                        update outbox_event set claimed_by = $1, claimed_until = $2, attempts = attempts + 1
                        where id in (select id from outbox_event
                                     where delivered_at is null and dead_at is null
                                       and (next_attempt_at is null or next_attempt_at <= $3)
                                       and (claimed_until is null or claimed_until < $3)
                                     order by id limit $4 for update skip locked)
                        returning id, aggregate_type, aggregate_id, event_type, payload, attempts""")
                .execute(Tuple.of(workerId, now.plus(config.lease()), now, config.batchSize()))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        Object payload = row.getValue("payload");
                        claimed.add(new Claimed(row.getLong("id"), row.getString("aggregate_type"),
                                row.getUUID("aggregate_id"), row.getString("event_type"),
                                payload instanceof JsonObject json ? json : new JsonObject(), row.getInteger("attempts")));
                    }
                    return claimed;
                });
    }

    /** Who the message is for and how to reach them, read when the event is delivered (not when it was written). */
    record Recipient(String ownerKey, UUID intakeId, String intakeNumber, String regionCode, String applicantPhoneSealed,
            String residentPhoneSealed, List<Channel> channels, boolean callMeBack, LocalTime callbackFrom,
            LocalTime callbackTo) {

        /** The phone given on this application first (the one the resident expects to hear on), else the resident's. */
        String sealedPhone() {
            return applicantPhoneSealed != null ? applicantPhoneSealed : residentPhoneSealed;
        }
    }

    Uni<Result> deliver(Claimed event) {
        if (RESIDENT.equals(event.aggregateType())) {
            return deliverToResident(event);
        }
        UUID intakeId = intakeIdOf(event);
        if (intakeId == null || !MessageCatalog.message(event.eventType(), event.payload(), null, null).isPresent()) {
            return markDelivered(event.id()); // nothing for a resident in this event
        }
        return recipient(intakeId).chain(recipient -> {
            if (recipient.isEmpty()) {
                return markDelivered(event.id()); // the intake is gone: nobody to tell
            }
            return caseFacts(event).chain(facts -> {
                Optional<ResidentMessage> message = MessageCatalog.message(event.eventType(), event.payload(),
                        recipient.get().intakeNumber(), facts);
                return message.isEmpty() ? markDelivered(event.id())
                        : deliver(event, recipient.get(), message.get());
            });
        });
    }

    /** Events addressed to a resident, not about an intake (monitoring's invitations and direct grants). */
    static final String RESIDENT = "RESIDENT";

    private Uni<Result> deliverToResident(Claimed event) {
        Optional<ResidentMessage> message = MessageCatalog.residentMessage(event.eventType(), event.payload());
        if (message.isEmpty()) {
            return markDelivered(event.id());
        }
        return residentRecipient(event.aggregateId(), event.payload().getString("regionCode", ""))
                .chain(recipient -> recipient.isEmpty() ? markDelivered(event.id())
                        : deliver(event, recipient.get(), message.get()));
    }

    /** The resident's own phone and preferences; the region (for a hotline call-back) comes with the event. */
    Uni<Optional<Recipient>> residentRecipient(UUID residentId, String regionCode) {
        return pool.preparedQuery("""
                        select r.id, r.phone_enc, p.channels, p.call_me_back, p.callback_from, p.callback_to
                        from resident r left join notification_preference p on p.owner_key = 'resident:' || r.id::text
                        where r.id = $1""")
                .execute(Tuple.of(residentId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String[] channels = row.getArrayOfStrings("channels");
                    return Optional.of(new Recipient("resident:" + residentId, null, null, regionCode, null,
                            row.getString("phone_enc"),
                            channels == null ? null : Arrays.stream(channels).map(Channel::valueOf).filter(c -> c != Channel.INBOX).toList(),
                            Boolean.TRUE.equals(row.getBoolean("call_me_back")), row.getLocalTime("callback_from"),
                            row.getLocalTime("callback_to")));
                });
    }

    private Uni<Result> deliver(Claimed event, Recipient recipient, ResidentMessage message) {
        return toInbox(event.id(), recipient, message)
                .chain(() -> push(event.id(), recipient, message, pushChannels(recipient), 0, null))
                .chain(push -> {
                    if (push.reached()) {
                        return callMeBack(event.id(), recipient, message).chain(() -> markDelivered(event.id()));
                    }
                    if (push.error() == null && pushChannels(recipient).isEmpty()) {
                        // the resident chose the inbox only: it reached them
                        return callMeBack(event.id(), recipient, message).chain(() -> markDelivered(event.id()));
                    }
                    if (push.error() == null) {
                        // no chosen channel could push it (no phone, no mini-program login): the hotline phones
                        return callbackTask(event.id(), recipient, message, recipient.callMeBack() ? "CALL_ME_BACK" : "NOT_REACHED")
                                .chain(() -> markDelivered(event.id()));
                    }
                    return failed(event, recipient, message, push.error());
                });
    }

    private List<Channel> pushChannels(Recipient recipient) {
        return recipient.channels() != null ? recipient.channels() : Channel.DEFAULT_PUSH;
    }

    /** Whether a push channel reached the resident, or else the last provider failure (null: none was tried). */
    record Push(boolean reached, String error) {
    }

    /** Tries the push channels in the resident's order; the first that reaches the resident ends it. */
    private Uni<Push> push(long outboxId, Recipient recipient, ResidentMessage message, List<Channel> channels, int index,
            String error) {
        if (index >= channels.size()) {
            return Uni.createFrom().item(new Push(false, error));
        }
        Channel channel = channels.get(index);
        Uni<Attempt> attempt = switch (channel) {
            case SMS -> sms(outboxId, recipient, message);
            case MINIPROGRAM -> miniProgram(outboxId, recipient, message);
            case INBOX -> Uni.createFrom().item(Attempt.NOT_AVAILABLE);
        };
        return attempt.chain(result -> switch (result.kind()) {
            case REACHED -> Uni.createFrom().item(new Push(true, null));
            case NOT_AVAILABLE -> push(outboxId, recipient, message, channels, index + 1, error);
            case FAILED -> push(outboxId, recipient, message, channels, index + 1, result.error());
        });
    }

    record Attempt(Kind kind, String error) {
        enum Kind { REACHED, NOT_AVAILABLE, FAILED }

        static final Attempt REACHED = new Attempt(Kind.REACHED, null);
        static final Attempt NOT_AVAILABLE = new Attempt(Kind.NOT_AVAILABLE, null);

        static Attempt failed(String error) {
            return new Attempt(Kind.FAILED, error);
        }
    }

    private Uni<Attempt> sms(long outboxId, Recipient recipient, ResidentMessage message) {
        if (recipient.sealedPhone() == null) {
            return Uni.createFrom().item(Attempt.NOT_AVAILABLE);
        }
        return sendOnce(outboxId, Channel.SMS, () -> {
            // decrypted here, in memory only, for the one call; never logged, never stored in clear
            String phone = protector.decrypt(recipient.sealedPhone());
            return sms.send(phone, "【社会救助】" + message.title() + "：" + message.body()).replaceWith(true);
        });
    }

    private Uni<Attempt> miniProgram(long outboxId, Recipient recipient, ResidentMessage message) {
        if (!recipient.ownerKey().startsWith("resident:") && !recipient.ownerKey().startsWith("mp:")) {
            return Uni.createFrom().item(Attempt.NOT_AVAILABLE);
        }
        return sendOnce(outboxId, Channel.MINIPROGRAM, () -> subscribe.send(recipient.ownerKey(), recipient.intakeId(), message)
                .map(outcome -> outcome == SubscribeMessageSender.Outcome.SENT));
    }

    /**
     * At most once per event and channel: reserve the channel (state SENDING), call the provider outside any
     * transaction, then record SENT, or give the reservation back when the provider refused or was not available.
     * A reservation someone else holds, or one left by a crashed worker, is never sent again.
     */
    private Uni<Attempt> sendOnce(long outboxId, Channel channel, java.util.function.Supplier<Uni<Boolean>> send) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery("""
                        insert into notification_delivery (outbox_id, channel, state, worker, started_at)
                        values ($1, $2, 'SENDING', $3, $4) on conflict do nothing returning outbox_id""")
                .execute(Tuple.of(outboxId, channel.name(), workerId, now))
                .chain(reserved -> {
                    if (reserved.rowCount() == 0) {
                        return stateOf(outboxId, channel).map(state -> "SENT".equals(state) ? Attempt.REACHED
                                : Attempt.NOT_AVAILABLE);
                    }
                    return Uni.createFrom().<Boolean>deferred(send::get).onItemOrFailure().transformToUni((sent, failure) -> {
                        if (failure == null) {
                            return Boolean.TRUE.equals(sent) ? confirm(outboxId, channel).replaceWith(Attempt.REACHED)
                                    : release(outboxId, channel).replaceWith(Attempt.NOT_AVAILABLE);
                        }
                        if (outcomeUnknown(failure)) {
                            // the provider may have sent it before the answer was lost: never again on this channel
                            return mark(outboxId, channel, "UNKNOWN").replaceWith(Attempt.NOT_AVAILABLE);
                        }
                        return release(outboxId, channel).replaceWith(Attempt.failed(reasonOf(channel, failure)));
                    });
                });
    }

    private static boolean outcomeUnknown(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("Timeout");
    }

    /** A reason for staff: the provider's refusal (SmsNotSent names neither number nor text) or the failure's kind. */
    private static String reasonOf(Channel channel, Throwable failure) {
        String reason = channel.name() + ": " + (failure instanceof SmsSender.SmsNotSent
                || failure instanceof io.onestop.assistance.notify.subscribe.GatewaySubscribeMessageSender.SubscribeNotSent
                ? failure.getMessage() : failure.getClass().getSimpleName());
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    private Uni<Void> confirm(long outboxId, Channel channel) {
        return pool.preparedQuery("""
                        update notification_delivery set state = 'SENT', delivered_at = $3
                        where outbox_id = $1 and channel = $2""")
                .execute(Tuple.of(outboxId, channel.name(), OffsetDateTime.now(clock))).replaceWithVoid();
    }

    private Uni<Void> mark(long outboxId, Channel channel, String state) {
        return pool.preparedQuery("update notification_delivery set state = $3 where outbox_id = $1 and channel = $2")
                .execute(Tuple.of(outboxId, channel.name(), state)).replaceWithVoid();
    }

    private Uni<String> stateOf(long outboxId, Channel channel) {
        return pool.preparedQuery("select state from notification_delivery where outbox_id = $1 and channel = $2")
                .execute(Tuple.of(outboxId, channel.name()))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getString(0));
    }

    private Uni<Void> release(long outboxId, Channel channel) {
        return pool.preparedQuery("delete from notification_delivery where outbox_id = $1 and channel = $2 and state = 'SENDING'")
                .execute(Tuple.of(outboxId, channel.name())).replaceWithVoid();
    }

    private static UUID intakeIdOf(Claimed event) {
        if ("INTAKE".equals(event.aggregateType())) {
            return event.aggregateId();
        }
        String intakeId = event.payload().getString("intakeId");
        try {
            return intakeId == null ? null : UUID.fromString(intakeId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Uni<Optional<Recipient>> recipient(UUID intakeId) {
        // read-only: the owner key, region and phones of the intake, and the preferences stored under the owner key
        return pool.preparedQuery("""
                        select i.owner_subject, i.intake_number, i.region_code, i.applicant_phone_enc, r.phone_enc,
                               p.channels, p.call_me_back, p.callback_from, p.callback_to
                        from intake i
                        left join resident r on i.owner_subject = 'resident:' || r.id::text
                        left join notification_preference p on p.owner_key = i.owner_subject
                        where i.id = $1""")
                .execute(Tuple.of(intakeId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String[] channels = row.getArrayOfStrings("channels");
                    return Optional.of(new Recipient(row.getString("owner_subject"), intakeId, row.getString("intake_number"),
                            row.getString("region_code"), row.getString("applicant_phone_enc"), row.getString("phone_enc"),
                            channels == null ? null : Arrays.stream(channels).map(Channel::valueOf).filter(c -> c != Channel.INBOX).toList(),
                            Boolean.TRUE.equals(row.getBoolean("call_me_back")), row.getLocalTime("callback_from"),
                            row.getLocalTime("callback_to")));
                });
    }

    Uni<MessageCatalog.CaseFacts> caseFacts(Claimed event) {
        String caseId = event.payload().getString("caseId");
        if (caseId == null) {
            return Uni.createFrom().nullItem();
        }
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("""
                        select c.program, c.notice_ends_on, d.reason_zh, d.estimate_amount, d.estimate_period,
                               d.program_result -> 'whatWouldChange' as changes
                        from program_case c left join case_decision d on d.case_id = c.id
                        where c.id = $1""")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    List<String> changes = new ArrayList<>();
                    if (row.getValue("changes") instanceof JsonArray array) {
                        for (Object change : array) {
                            if (change instanceof JsonObject json && json.getJsonObject("message") != null) {
                                changes.add(json.getJsonObject("message").getString("zh"));
                            }
                        }
                    }
                    return new MessageCatalog.CaseFacts(row.getString("program"), row.getLocalDate("notice_ends_on"),
                            row.getString("reason_zh"), row.getBigDecimal("estimate_amount"),
                            row.getString("estimate_period"), changes);
                });
    }

    /** The inbox row and its delivery record in one statement: both or neither, once per event. */
    private Uni<Void> toInbox(long outboxId, Recipient recipient, ResidentMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery("""
                        with delivery as (
                            insert into notification_delivery (outbox_id, channel, state, worker, started_at, delivered_at)
                            values ($1, 'INBOX', 'SENT', $2, $3, $3) on conflict do nothing returning outbox_id)
                        insert into inbox_message (owner_key, outbox_id, intake_id, kind, title, body, created_at)
                        select $4, outbox_id, $5, $6, $7, $8, $3 from delivery""")
                .execute(Tuple.from(Arrays.asList(outboxId, workerId, now, recipient.ownerKey(), recipient.intakeId(),
                        message.kind(), message.title(), message.body())))
                .replaceWithVoid();
    }

    private Uni<Void> callMeBack(long outboxId, Recipient recipient, ResidentMessage message) {
        return recipient.callMeBack() ? callbackTask(outboxId, recipient, message, "CALL_ME_BACK") : Uni.createFrom().voidItem();
    }

    private Uni<Void> callbackTask(long outboxId, Recipient recipient, ResidentMessage message, String reason) {
        return pool.preparedQuery("""
                        insert into callback_task (id, outbox_id, owner_key, intake_id, intake_number, region_code, reason,
                          title, body, callback_from, callback_to, created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (outbox_id) do nothing""")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID(), outboxId, recipient.ownerKey(), recipient.intakeId(),
                        recipient.intakeNumber(), recipient.regionCode(), reason, message.title(), message.body(),
                        recipient.callbackFrom(), recipient.callbackTo(), OffsetDateTime.now(clock))))
                .replaceWithVoid();
    }

    private Uni<Result> markDelivered(long outboxId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery("""
                        update outbox_event set delivered_at = $1, published_at = $1, claimed_until = null, last_error = null
                        where id = $2 and claimed_by = $3 and delivered_at is null""")
                .execute(Tuple.of(now, outboxId, workerId))
                .replaceWith(Result.DELIVERED);
    }

    private Uni<Result> failed(Claimed event, Recipient recipient, ResidentMessage message, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (event.attempts() >= config.maxAttempts()) {
            LOG.warnf("Outbox event %d dead-lettered after %d tries: %s", event.id(), event.attempts(), error);
            return pool.preparedQuery("""
                            update outbox_event set dead_at = $1, claimed_until = null, last_error = $2
                            where id = $3 and claimed_by = $4""")
                    .execute(Tuple.of(now, error, event.id(), workerId))
                    .chain(() -> callbackTask(event.id(), recipient, message, "DELIVERY_FAILED"))
                    .replaceWith(Result.DEAD);
        }
        return pool.preparedQuery("""
                        update outbox_event set next_attempt_at = $1, claimed_until = null, last_error = $2
                        where id = $3 and claimed_by = $4""")
                .execute(Tuple.of(now.plus(backoff(event.attempts())), error, event.id(), workerId))
                .replaceWith(Result.RETRY);
    }

    /** The wait after the {@code attempts}-th failed try: the base, doubled per earlier failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.backoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
