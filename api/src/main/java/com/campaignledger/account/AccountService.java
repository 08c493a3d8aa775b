package com.campaignledger.account;

import com.campaignledger.web.RequestContext;
import com.campaignledger.web.ResourceNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Accounts and their API credentials: every change is written with its audit row in one transaction.
 * A secret leaves this class only in the {@link IssuedCredential} of the request that made it.
 */
@Service
public class AccountService {

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
    public Account createAccount(RequestContext context, String id, String name) {
        String accountId = id != null ? id : "acct-" + HexFormat.of().formatHex(randomBytes(6));
        Account account = new Account(accountId, name, true, clock.instant(), context.actor());
        if (!store.insertAccount(account)) {
            throw new AccountConflictException("Account " + accountId + " exists already");
        }
        audit(context, "ACCOUNT_CREATED", accountId, null);
        return account;
    }

    public List<Account> accounts() {
        return store.accounts();
    }

    public Account account(String id) {
        return store.findAccount(id).orElseThrow(() -> new ResourceNotFoundException("No account " + id));
    }

    @Transactional
    public Account setAccountEnabled(RequestContext context, String id, boolean enabled) {
        Account account = account(id);
        if (!enabled && id.equals(context.accountId())) {
            throw new AccountConflictException("Account " + id + " is the caller's own: disabling it would lock the caller out");
        }
        if (account.enabled() == enabled) {
            return account;
        }
        store.setAccountEnabled(id, enabled);
        audit(context, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", id, null);
        return account.withEnabled(enabled);
    }

    @Transactional
    public IssuedCredential createCredential(RequestContext context, String accountId, String login, CredentialRole role) {
        Account account = account(accountId);
        if (!account.enabled()) {
            throw new AccountConflictException("Account " + accountId + " is disabled");
        }
        String name = login != null ? login : accountId + "-" + HexFormat.of().formatHex(randomBytes(4));
        String secret = newSecret();
        Instant now = clock.instant();
        Credential credential = new Credential(name, accountId, role, true, now, context.actor(), now);
        if (!store.insertCredential(credential, encoder.encode(secret))) {
            throw new AccountConflictException("Login " + name + " exists already");
        }
        audit(context, "CREDENTIAL_CREATED", accountId, name);
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
    public Credential setCredentialEnabled(RequestContext context, String login, boolean enabled) {
        Credential credential = credential(login);
        if (!enabled && login.equals(context.actor())) {
            throw new AccountConflictException("Credential " + login + " is the caller's own: disabling it would lock the caller out");
        }
        if (credential.enabled() == enabled) {
            return credential;
        }
        store.setCredentialEnabled(login, enabled);
        audit(context, enabled ? "CREDENTIAL_ENABLED" : "CREDENTIAL_DISABLED", credential.accountId(), login);
        return credential.withEnabled(enabled);
    }

    /** A new secret replaces the old one at once: the old one stops working with this transaction. */
    @Transactional
    public IssuedCredential rotate(RequestContext context, String login) {
        Credential credential = credential(login);
        String secret = newSecret();
        Instant now = clock.instant();
        store.replaceSecret(login, encoder.encode(secret), now);
        audit(context, "CREDENTIAL_ROTATED", credential.accountId(), login);
        return new IssuedCredential(credential.withSecretChangedAt(now), secret);
    }

    public List<AuditEntry> audit(int page, int size) {
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
    static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private void audit(RequestContext context, String action, String accountId, String login) {
        store.audit(clock.instant(), context.actor(), action, accountId, login, context.requestId());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
