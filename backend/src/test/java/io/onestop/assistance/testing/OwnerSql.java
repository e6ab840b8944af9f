package io.onestop.assistance.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQL as the owner of the schema, for tests that inject a real database failure (a trigger) or tamper with the
 * audit log: the application's own role may do neither, which is the point of having it.
 */
public final class OwnerSql {

    private OwnerSql() {
    }

    public static void run(String sql) {
        String url = "jdbc:postgresql://%s:%s/%s".formatted(LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"),
                LocalStack.get("PG_TEST_DB"));
        try (Connection connection = DriverManager.getConnection(url, LocalStack.get("PG_USER"), LocalStack.get("PG_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
