package com.campaignledger.accounts;

import com.campaignledger.kernel.ResourceNotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their API credentials: every change is written with its audit row in one transaction.
 * A secret leaves this class only in the {@link IssuedCredential} of the request that made it.
 */
@Service
public class AccountService {

    /** Who asks for a change: the account and login written into the audit trail, and the request that asked. */
    public record Caller(String accountId, String login, String requestId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountService(AccountStore store, PasswordEncoder encoder, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A credential and the secret that was just made for it: shown to its creator once, stored only hashed. */
    public record IssuedCredential(Credential credential, String secret) {

        @Override
        public String toString() {
            return "IssuedCredential[" + credential + "]";
        }
    }

    @Transactional
    public Account createAccount(Caller caller, String id, String name) {
        String accountId = id != null ? id : "acct-" + HexFormat.of().formatHex(randomBytes(6));
        Account account = new Account(accountId, name, true, clock.instant(), caller.login());
        if (!store.insertAccount(account)) {
            throw new AccountConflictException("Account " + accountId + " exists already");
        }
        audit(caller, "ACCOUNT_CREATED", accountId, null);
        return account;
    }

    public List<Account> accounts() {
        return store.accounts();
    }

    public Account account(String id) {
        return store.findAccount(id).orElseThrow(() -> new ResourceNotFoundException("No account " + id));
    }

    @Transactional
    public Account setAccountEnabled(Caller caller, String id, boolean enabled) {
        Account account = account(id);
        if (!enabled && id.equals(caller.accountId())) {
            throw new AccountConflictException(
                    "Account " + id + " is the caller's own: disabling it would lock the caller out");
        }
        if (account.enabled() == enabled) {
            return account;
        }
        store.setAccountEnabled(id, enabled);
        audit(caller, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", id, null);
        return account.withEnabled(enabled);
    }

    @Transactional
    public IssuedCredential createCredential(Caller caller, String accountId, String login, CredentialRole role) {
        Account account = account(accountId);
        if (!account.enabled()) {
            throw new AccountConflictException("Account " + accountId + " is disabled");
        }
        String name = login != null ? login : accountId + "-" + HexFormat.of().formatHex(randomBytes(4));
        String secret = newSecret();
        Instant now = clock.instant();
        Credential credential = new Credential(name, accountId, role, true, now, caller.login(), now);
        if (!store.insertCredential(credential, encoder.encode(secret))) {
            throw new AccountConflictException("Login " + name + " exists already");
        }
        audit(caller, "CREDENTIAL_CREATED", accountId, name);
        return new IssuedCredential(credential, secret);
    }

    public List<Credential> credentials(String accountId) {
        account(accountId);
        return store.credentials(accountId);
    }

    public Credential credential(String login) {
        return store.findCredential(login).orElseThrow(() -> new ResourceNotFoundException("No credential " + login));
    }

    @Transactional
    public Credential setCredentialEnabled(Caller caller, String login, boolean enabled) {
        Credential credential = credential(login);
        if (!enabled && login.equals(caller.login())) {
            throw new AccountConflictException(
                    "Credential " + login + " is the caller's own: disabling it would lock the caller out");
        }
        if (credential.enabled() == enabled) {
            return credential;
        }
        store.setCredentialEnabled(login, enabled);
        audit(caller, enabled ? "CREDENTIAL_ENABLED" : "CREDENTIAL_DISABLED", credential.accountId(), login);
        return credential.withEnabled(enabled);
    }

    /** A new secret replaces the old one at once: the old one stops working with this transaction. */
    @Transactional
    public IssuedCredential rotate(Caller caller, String login) {
        Credential credential = credential(login);
        String secret = newSecret();
        Instant now = clock.instant();
        store.replaceSecret(login, encoder.encode(secret), now);
        audit(caller, "CREDENTIAL_ROTATED", credential.accountId(), login);
        return new IssuedCredential(credential.withSecretChangedAt(now), secret);
    }

    public List<AccountAuditEntry> audit(int page, int size) {
        return store.audit(page, size);
    }

    /**
     * The bootstrap admin of {@code accountId}: created unless the login exists. An existing one is left as
     * it is, so a secret rotated through the API is not undone by the next restart.
     *
     * @return true when it was created
     */
    @Transactional
    public boolean ensureAdmin(String accountId, String login, String secret) {
        if (store.findCredential(login).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        Credential credential = new Credential(login, accountId, CredentialRole.ADMIN, true, now, "bootstrap", now);
        if (!store.insertCredential(credential, encoder.encode(secret))) {
            return false; // another instance created it at the same moment
        }
        store.audit(now, "bootstrap", "CREDENTIAL_CREATED", accountId, login, null);
        return true;
    }

    public boolean anyCredential() {
        return store.anyCredential();
    }

    /** 256 random bits, URL-safe: typed into a Basic header without escaping. */
    public static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private void audit(Caller caller, String action, String accountId, String login) {
        store.audit(clock.instant(), caller.login(), action, accountId, login, caller.requestId());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
