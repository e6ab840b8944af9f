package io.onestop.assistance.testing;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * A pool of its own on the test database, as the application role: what a second backend instance would have, for
 * tests of work that must be safe with several instances (outbox delivery, shared limits, purges).
 */
public final class AppRolePool {

    private AppRolePool() {
    }

    public static Pool open(Vertx vertx, String name, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize).setName(name))
                .connectingTo(new PgConnectOptions()
                        .setHost(LocalStack.get("PG_HOST"))
                        .setPort(Integer.parseInt(LocalStack.get("PG_PORT")))
                        .setDatabase(LocalStack.get("PG_TEST_DB"))
                        .setUser(LocalStack.get("PG_APP_USER"))
                        .setPassword(LocalStack.get("PG_APP_PASSWORD")))
                .using(vertx)
                .build();
    }
}
