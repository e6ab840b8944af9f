package io.onestop.assistance.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row as text (null when there is no row). */
    public static String queryString(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://%s:%s/%s".formatted(LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"),
                LocalStack.get("PG_TEST_DB"));
        return DriverManager.getConnection(url, LocalStack.get("PG_USER"), LocalStack.get("PG_PASSWORD"));
    }
}
