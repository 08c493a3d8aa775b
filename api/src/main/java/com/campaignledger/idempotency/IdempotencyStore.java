package com.campaignledger.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The idempotent_request table: each key's request fingerprint and first response. */
@Repository
class IdempotencyStore {

    record StoredResponse(String fingerprint, int status, String headers, String body) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for this request. A concurrent claim of the same key waits on the primary key until
     * the first transaction ends, so two identical requests never both run.
     *
     * @return true when the key was new
     */
    boolean claim(String accountId, String key, String fingerprint) {
        return jdbc.update(
                        "INSERT INTO idempotent_request (account_id, idempotency_key, fingerprint, created_at) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        accountId,
                        key,
                        fingerprint,
                        Timestamp.from(clock.instant()))
                == 1;
    }

    Optional<StoredResponse> find(String accountId, String key) {
        return jdbc
                .query(
                        "SELECT fingerprint, response_status, response_headers, response_body FROM idempotent_request "
                                + "WHERE account_id = ? AND idempotency_key = ?",
                        (rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                        accountId,
                        key)
                .stream()
                .findFirst();
    }

    void complete(String accountId, String key, int status, String headers, String body) {
        jdbc.update(
                "UPDATE idempotent_request SET response_status = ?, response_headers = ?, response_body = ? "
                        + "WHERE account_id = ? AND idempotency_key = ?",
                status,
                headers,
                body,
                accountId,
                key);
    }

    /**
     * Deletes up to {@code batch} keys stored before {@code cutoff}, oldest first (short transactions however many
     * have piled up).
     *
     * @return how many were deleted
     */
    int purgeBefore(Instant cutoff, int batch) {
        return jdbc.update(
                "DELETE FROM idempotent_request WHERE (account_id, idempotency_key) IN ("
                        + "SELECT account_id, idempotency_key FROM idempotent_request WHERE created_at < ? "
                        + "ORDER BY created_at LIMIT ?)",
                Timestamp.from(cutoff),
                batch);
    }
}
