package com.campaignledger.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that decides where PostgreSQL tests run: in a Testcontainers container when Docker is
 * available, otherwise on the server at {@code LEDGER_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://localhost:5432/}, user {@code postgres}, as on our machines and in CI).
 * Each test database is created fresh, so runs never see each other's data.
 */
public final class PostgresTestDatabase {

    private static final String SERVER_URL = env("LEDGER_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/");
    private static final String USER = env("LEDGER_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("LEDGER_TEST_POSTGRES_PASSWORD", "");

    private static Server server;
    private static Database shared;

    /** Connection settings of one database. */
    public record Database(String url, String user, String password) {}

    private record Server(String baseUrl, String user, String password) {}

    private PostgresTestDatabase() {}

    /** Whether a PostgreSQL server can be had: a container, or the local server answering. */
    public static synchronized boolean available() {
        return server().isPresent();
    }

    /** The database the Spring contexts of the test suite share, created once per test run. */
    public static synchronized Database shared() {
        if (shared == null) {
            shared = create("ledger_test_" + ProcessHandle.current().pid());
        }
        return shared;
    }

    /** A new, empty database of its own, for tests that restart the service or run two instances. */
    public static synchronized Database fresh(String purpose) {
        return create("ledger_" + purpose + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000);
    }

    private static Database create(String name) {
        Server s = server().orElseThrow(() -> new IllegalStateException("no PostgreSQL server for tests"));
        try (Connection c = DriverManager.getConnection(s.baseUrl() + "postgres", s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(s.baseUrl() + name, s.user(), s.password());
    }

    private static Optional<Server> server() {
        if (server == null) {
            server = docker() ? fromContainer() : fromLocalServer();
        }
        return Optional.ofNullable(server);
    }

    private static boolean docker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // one container for the whole run; Testcontainers stops it at exit
    private static Server fromContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
        return new Server(base, container.getUsername(), container.getPassword());
    }

    private static Server fromLocalServer() {
        try (Connection ignored = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD)) {
            return new Server(SERVER_URL, USER, PASSWORD);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
