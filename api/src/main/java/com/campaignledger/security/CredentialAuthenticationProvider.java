package com.campaignledger.security;

import com.campaignledger.accounts.AccountStore;
import com.campaignledger.accounts.CredentialRole;
import com.campaignledger.accounts.StoredCredential;
import com.campaignledger.accounts.throttle.LoginLockout;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an HTTP Basic login and secret against the api_credential table.
 * <p>
 * BCrypt is slow on purpose (tens of milliseconds), too slow for every request of a busy back office. A
 * secret once verified against a hash is remembered as an HMAC under a key that lives only in this process,
 * keyed by that hash: a rotation changes the hash and so forgets it, and the credential row (enabled, account
 * enabled) is still read on every request, so disabling takes effect at once.
 */
class CredentialAuthenticationProvider implements AuthenticationProvider {

    /** BCrypt hashes at most 72 bytes; a longer secret is never one we issued. */
    private static final int MAX_SECRET_BYTES = 72;

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final LoginLockout lockout;
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final SecretKeySpec hmacKey;
    /** Compared against when the login is unknown, so an unknown login costs as much as a wrong secret. */
    private final String unknownLoginHash;

    CredentialAuthenticationProvider(AccountStore store, PasswordEncoder encoder, LoginLockout lockout) {
        this.store = store;
        this.encoder = encoder;
        this.lockout = lockout;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
        this.unknownLoginHash = encoder.encode("no such login");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String secret = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = address(authentication);
        lockout.lockedFor(login, address).ifPresent(wait -> {
            throw new LoginLockedException(wait, LoginLockedException.Reason.LOCKED_OUT);
        });
        StoredCredential credential = store.forAuthentication(login).orElse(null);
        if (credential == null) {
            throttle(address);
            encoder.matches(secret, unknownLoginHash);
            throw failed(login, address);
        }
        if (!matches(credential, secret, address)) {
            throw failed(login, address);
        }
        if (!credential.usable()) {
            // Right secret, but the credential or its account is disabled: no different answer to the caller.
            throw new BadCredentialsException("Credential or account disabled");
        }
        lockout.succeeded(login, address);
        LedgerPrincipal principal = new LedgerPrincipal(credential.login(), credential.accountId(), credential.role());
        List<SimpleGrantedAuthority> authorities = credential.role() == CredentialRole.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** The client's address, as the Basic filter recorded it (the remote address of the connection). */
    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    /** Before a BCrypt check: the address's budget of checks, or a 429. */
    private void throttle(String address) {
        lockout.secretCheck(address).ifPresent(wait -> {
            throw new LoginLockedException(wait, LoginLockedException.Reason.THROTTLED);
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private boolean matches(StoredCredential credential, String secret, String address) {
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            return false;
        }
        String key = credential.secretHash() + "\n" + hmac(secret);
        if (verified.getIfPresent(key) != null) {
            return true;
        }
        throttle(address);
        if (!encoder.matches(secret, credential.secretHash())) {
            return false;
        }
        verified.put(key, Boolean.TRUE);
        return true;
    }

    private BadCredentialsException failed(String login, String address) {
        lockout.failed(login, address);
        return new BadCredentialsException("Bad credentials");
    }

    private String hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
