package com.campaignledger.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The account, api_credential and security_audit tables (V110). */
@Repository
public class AccountStore {

    private static final String CREDENTIAL_COLUMNS =
            "login, account_id, role, enabled, created_at, created_by, secret_changed_at";
    private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(
            rs.getString("account_id"),
            rs.getString("name"),
            rs.getBoolean("enabled"),
            instant(rs, "created_at"),
            rs.getString("created_by"));
    private static final RowMapper<Credential> CREDENTIAL = (rs, i) -> new Credential(
            rs.getString("login"),
            rs.getString("account_id"),
            CredentialRole.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"),
            instant(rs, "created_at"),
            rs.getString("created_by"),
            instant(rs, "secret_changed_at"));
    private static final RowMapper<AccountAuditEntry> AUDIT = (rs, i) -> new AccountAuditEntry(
            rs.getLong("id"),
            instant(rs, "occurred_at"),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("account_id"),
            rs.getString("login"),
            rs.getString("request_id"));

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the id is taken */
    boolean insertAccount(Account account) {
        return jdbc.update(
                        "INSERT INTO account (account_id, name, enabled, created_at, created_by) VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT DO NOTHING",
                        account.id(),
                        account.name(),
                        account.enabled(),
                        Timestamp.from(account.createdAt()),
                        account.createdBy())
                == 1;
    }

    Optional<Account> findAccount(String id) {
        return jdbc.query("SELECT * FROM account WHERE account_id = ?", ACCOUNT, id).stream()
                .findFirst();
    }

    List<Account> accounts() {
        return jdbc.query("SELECT * FROM account ORDER BY account_id", ACCOUNT);
    }

    void setAccountEnabled(String id, boolean enabled) {
        jdbc.update("UPDATE account SET enabled = ? WHERE account_id = ?", enabled, id);
    }

    /** @return false when the login is taken */
    boolean insertCredential(Credential credential, String secretHash) {
        return jdbc.update(
                        "INSERT INTO api_credential (" + CREDENTIAL_COLUMNS
                                + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) " + "ON CONFLICT DO NOTHING",
                        credential.login(),
                        credential.accountId(),
                        credential.role().name(),
                        credential.enabled(),
                        Timestamp.from(credential.createdAt()),
                        credential.createdBy(),
                        Timestamp.from(credential.secretChangedAt()),
                        secretHash)
                == 1;
    }

    Optional<Credential> findCredential(String login) {
        return jdbc
                .query("SELECT " + CREDENTIAL_COLUMNS + " FROM api_credential WHERE login = ?", CREDENTIAL, login)
                .stream()
                .findFirst();
    }

    List<Credential> credentials(String accountId) {
        return jdbc.query(
                "SELECT " + CREDENTIAL_COLUMNS + " FROM api_credential WHERE account_id = ? ORDER BY login",
                CREDENTIAL,
                accountId);
    }

    boolean anyCredential() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM api_credential)", Boolean.class));
    }

    void setCredentialEnabled(String login, boolean enabled) {
        jdbc.update("UPDATE api_credential SET enabled = ? WHERE login = ?", enabled, login);
    }

    void replaceSecret(String login, String secretHash, Instant at) {
        jdbc.update(
                "UPDATE api_credential SET secret_hash = ?, secret_changed_at = ? WHERE login = ?",
                secretHash,
                Timestamp.from(at),
                login);
    }

    /** The credential with its hash, for authentication: one indexed read per request. */
    public Optional<StoredCredential> forAuthentication(String login) {
        return jdbc
                .query(
                        "SELECT c.login, c.account_id, c.role, c.secret_hash, c.enabled, a.enabled AS account_enabled "
                                + "FROM api_credential c JOIN account a ON a.account_id = c.account_id WHERE c.login = ?",
                        (rs, i) -> new StoredCredential(
                                rs.getString("login"),
                                rs.getString("account_id"),
                                CredentialRole.valueOf(rs.getString("role")),
                                rs.getString("secret_hash"),
                                rs.getBoolean("enabled"),
                                rs.getBoolean("account_enabled")),
                        login)
                .stream()
                .findFirst();
    }

    public void audit(Instant at, String actor, String action, String accountId, String login, String requestId) {
        jdbc.update(
                "INSERT INTO security_audit (occurred_at, actor, action, account_id, login, request_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(at),
                actor,
                action,
                accountId,
                login,
                requestId);
    }

    List<AccountAuditEntry> audit(int page, int size) {
        return jdbc.query(
                "SELECT * FROM security_audit ORDER BY id DESC LIMIT ? OFFSET ?", AUDIT, size, (long) page * size);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
