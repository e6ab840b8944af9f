package io.onestop.assistance.programs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An in-memory token bucket per client address for the public screening endpoint: each address may send
 * {@link ScreeningConfig#burst()} screenings at once, then {@link ScreeningConfig#requestsPerMinute()} a minute.
 * Per replica: with N replicas behind a balancer an address gets up to N times the rate, which is acceptable for a
 * CPU-only calculator whose only risk is load. Deliberately not in the database like the status query's limits
 * ({@code access.SharedRateLimiter}): that would cost a database write per anonymous screening, the portal's most
 * frequent request, while a screening reveals nothing and sends nothing.
 */
@ApplicationScoped
public class ScreeningRateLimiter {

    /** The key shared by new addresses once {@link ScreeningConfig#maxTrackedAddresses()} are remembered. */
    static final String OVERFLOW = "*";
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int capacity;
    private final double tokensPerNano;
    private final int maxTracked;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    @Inject
    public ScreeningRateLimiter(ScreeningConfig config) {
        this(config, System::nanoTime);
    }

    ScreeningRateLimiter(ScreeningConfig config, LongSupplier nanoTime) {
        if (config.requestsPerMinute() < 1 || config.burst() < 1) {
            throw new IllegalArgumentException("assistance.screening.requests-per-minute and burst must be at least 1");
        }
        this.capacity = config.burst();
        this.tokensPerNano = config.requestsPerMinute() / (double) TimeUnit.MINUTES.toNanos(1);
        this.maxTracked = config.maxTrackedAddresses();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    /**
     * Takes one token for the address.
     *
     * @return 0 when the request may go ahead, else the whole seconds after which a token will be available
     */
    public long acquire(String clientAddress) {
        long now = nanoTime.getAsLong();
        String key = key(clientAddress);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTracked) {
                sweep(now);
            }
            bucket = buckets.size() >= maxTracked ? buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(capacity, now))
                    : buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }
        return bucket.take(now, capacity, tokensPerNano);
    }

    int trackedAddresses() {
        return buckets.size();
    }

    /** Forgets buckets that have refilled completely: they behave exactly like a new one. */
    private void sweep(long now) {
        if (now - lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now, capacity, tokensPerNano));
    }

    /** The address itself; for IPv6 its /64 network, since one subscriber usually holds a whole /64. */
    static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|]$", "").replaceAll("%.*$", ""))
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address; // not a literal address; counted as given
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(long now, int capacity, double tokensPerNano) {
            refill(now, capacity, tokensPerNano);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(nanos / TimeUnit.SECONDS.toNanos(1)));
        }

        synchronized boolean isFull(long now, int capacity, double tokensPerNano) {
            refill(now, capacity, tokensPerNano);
            return tokens >= capacity;
        }

        private void refill(long now, int capacity, double tokensPerNano) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
                updated = now;
            }
        }
    }
}
