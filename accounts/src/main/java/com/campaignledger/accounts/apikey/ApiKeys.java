package com.campaignledger.accounts.apikey;

import com.campaignledger.accounts.AccountService;
import com.campaignledger.accounts.AccountStore;
import com.campaignledger.kernel.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's API keys (table api_key, V300): made by a credential of the account, shown once, listed without
 * the secret, revoked at once. Only the seeds' key-authenticated entry points accept them (the legacy postback
 * registration's {@code apikey}, PredictiveService's {@code key}); never HTTP Basic.
 */
@Service
public class ApiKeys {

    /** A key and its secret, as the request that made it answers it, once. */
    public record IssuedKey(ApiKey apiKey, String key) {

        @Override
        public String toString() {
            return "IssuedKey[" + apiKey + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "key_id, account_id, name, created_at, created_by, revoked_at, revoked_by";
    private static final RowMapper<ApiKey> KEY = (rs, i) -> new ApiKey(
            rs.getString("key_id"),
            rs.getString("account_id"),
            rs.getString("name"),
            instant(rs, "created_at"),
            rs.getString("created_by"),
            instant(rs, "revoked_at"),
            rs.getString("revoked_by"));

    private final JdbcTemplate jdbc;
    private final AccountStore accounts;
    private final Clock clock;

    ApiKeys(JdbcTemplate jdbc, AccountStore accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey create(AccountService.Caller caller, String name) {
        String id = "k" + HexFormat.of().formatHex(randomBytes(8));
        String secret = AccountService.newSecret();
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO api_key (key_id, account_id, name, secret_hash, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                id,
                caller.accountId(),
                name,
                sha256(secret),
                Timestamp.from(now),
                caller.login());
        ApiKey key = new ApiKey(id, caller.accountId(), name, now, caller.login(), null, null);
        accounts.audit(now, caller.login(), "API_KEY_CREATED", caller.accountId(), key.actor(), caller.requestId());
        return new IssuedKey(key, id + "." + secret);
    }

    /** The account's keys, revoked ones too (their writes still name them), newest first. */
    public List<ApiKey> list(String accountId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM api_key WHERE account_id = ? ORDER BY created_at DESC, key_id",
                KEY,
                accountId);
    }

    /** One of the account's keys; another account's is not found. */
    public ApiKey get(String accountId, String id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ? AND account_id = ?", KEY, id, accountId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No API key " + id));
    }

    /** From this transaction on the key authenticates nothing; revoking it again changes nothing. */
    @Transactional
    public ApiKey revoke(AccountService.Caller caller, String id) {
        ApiKey key = get(caller.accountId(), id);
        if (key.revoked()) {
            return key;
        }
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(now),
                caller.login(),
                id);
        accounts.audit(now, caller.login(), "API_KEY_REVOKED", caller.accountId(), key.actor(), caller.requestId());
        return get(caller.accountId(), id);
    }

    /** The key a client sent, when it is one of an enabled account's and not revoked. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        String key = presented.strip();
        int dot = key.indexOf('.');
        if (dot < 1 || dot > 32) {
            return Optional.empty();
        }
        String id = key.substring(0, dot);
        byte[] hash = sha256(key.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        return jdbc
                .query(
                        "SELECT k.key_id, k.account_id, k.name, k.created_at, k.created_by, k.revoked_at, "
                                + "k.revoked_by, k.secret_hash FROM api_key k JOIN account a ON a.account_id = "
                                + "k.account_id WHERE k.key_id = ? AND k.revoked_at IS NULL AND a.enabled",
                        (rs, i) -> MessageDigest.isEqual(
                                        hash, rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII))
                                ? KEY.mapRow(rs, i)
                                : null,
                        id)
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
