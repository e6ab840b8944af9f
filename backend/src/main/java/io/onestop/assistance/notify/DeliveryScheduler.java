package io.onestop.assistance.notify;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.StartupChecks;
import io.onestop.assistance.notify.sms.SmsSender;
import io.onestop.assistance.notify.subscribe.SubscribeMessageSender;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

/**
 * Runs this instance's {@link DeliveryWorker} on a timer. Every backend instance may run one; they share the work
 * through {@code FOR UPDATE SKIP LOCKED}. {@code assistance.notify.worker-enabled=false} turns it off (for an
 * instance that should only answer requests).
 */
@ApplicationScoped
public class DeliveryScheduler {

    private final DeliveryWorker worker;
    private final NotifyConfig config;

    public DeliveryScheduler(Pool pool, SmsSender sms, SubscribeMessageSender subscribe, PersonalDataProtector protector,
            NotifyConfig config, Clock clock) {
        this.config = config;
        // who holds a claim, for operators: the process and a random part, so two pods never share a name
        String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.worker = new DeliveryWorker(pool, sms, subscribe, protector, config, clock,
                id.length() > 80 ? id.substring(0, 80) : id);
    }

    @Scheduled(every = "${assistance.notify.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    Uni<Void> deliver() {
        return worker.runOnce().replaceWithVoid();
    }

    /** The worker of this instance (tests run it directly to not wait for the timer). */
    public DeliveryWorker worker() {
        return worker;
    }

    /** Skips runs before start-up checks pass and when the worker is turned off. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        private final StartupChecks.UntilStarted untilStarted = new StartupChecks.UntilStarted();
        private final NotifyConfig config;

        public Disabled(NotifyConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.workerEnabled() || untilStarted.test(execution);
        }
    }
}
