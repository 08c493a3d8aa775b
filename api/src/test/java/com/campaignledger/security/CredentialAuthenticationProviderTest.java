package com.campaignledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.campaignledger.accounts.AccountStore;
import com.campaignledger.accounts.CredentialRole;
import com.campaignledger.accounts.StoredCredential;
import com.campaignledger.accounts.throttle.LoginLockout;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The provider on its own: BCrypt once per secret and hash, the row's enabled flags every time, the lock-out. */
class CredentialAuthenticationProviderTest {

    private static final String LOGIN = "acme-api";
    private static final String SECRET = "the-right-secret";

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    /** The lowest BCrypt cost keeps the test fast; counts each slow check. */
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(4) {
        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return super.matches(raw, encoded);
        }
    };

    private final AccountStore store = mock(AccountStore.class);
    private CredentialAuthenticationProvider provider;
    private String hash;

    @BeforeEach
    void setUp() {
        provider = new CredentialAuthenticationProvider(
                store,
                encoder,
                new LoginLockout(3, Duration.ofHours(1), 6, Duration.ofHours(1), new SimpleMeterRegistry()));
        hash = encoder.encode(SECRET);
        stored(hash, true, true);
    }

    private void stored(String secretHash, boolean enabled, boolean accountEnabled) {
        when(store.forAuthentication(LOGIN))
                .thenReturn(Optional.of(
                        new StoredCredential(LOGIN, "acme", CredentialRole.USER, secretHash, enabled, accountEnabled)));
    }

    private Authentication authenticate(String login, String secret) {
        return authenticate(login, secret, "192.0.2.1");
    }

    private Authentication authenticate(String login, String secret, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(login, secret);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(token);
    }

    @Test
    void aVerifiedSecretIsNotCheckedWithBCryptAgainUntilTheHashChanges() {
        assertThat(authenticate(LOGIN, SECRET).getPrincipal())
                .isEqualTo(new LedgerPrincipal(LOGIN, "acme", CredentialRole.USER));
        assertThat(authenticate(LOGIN, SECRET).isAuthenticated()).isTrue();
        assertThat(bcryptChecks)
                .as("the second request used the remembered check")
                .hasValue(1);

        assertThatThrownBy(() -> authenticate(LOGIN, "a-wrong-secret")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).as("a different secret is checked in full").hasValue(2);

        stored(encoder.encode("the-rotated-secret"), true, true);
        assertThatThrownBy(() -> authenticate(LOGIN, SECRET))
                .as("the old secret after a rotation")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(authenticate(LOGIN, "the-rotated-secret").isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledCredentialOrAccountIsRefusedEvenWithARememberedSecret() {
        assertThat(authenticate(LOGIN, SECRET).isAuthenticated()).isTrue();
        stored(hash, false, true);
        assertThatThrownBy(() -> authenticate(LOGIN, SECRET)).isInstanceOf(BadCredentialsException.class);
        stored(hash, true, false);
        assertThatThrownBy(() -> authenticate(LOGIN, SECRET)).isInstanceOf(BadCredentialsException.class);
        stored(hash, true, true);
        assertThat(authenticate(LOGIN, SECRET).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownLoginCostsABCryptCheckAndCountsTowardsItsLockOut() {
        when(store.forAuthentication("nobody")).thenReturn(Optional.empty());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticate("nobody", SECRET)).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(3);
        assertThatThrownBy(() -> authenticate("nobody", SECRET)).isInstanceOf(LoginLockedException.class);
    }

    @Test
    void aSecretLongerThanBCryptTakesIsAFailedLoginForAKnownOrAnUnknownLogin() {
        when(store.forAuthentication("nobody")).thenReturn(Optional.empty());
        String tooLong = "x".repeat(73);
        assertThatThrownBy(() -> authenticate(LOGIN, tooLong)).isInstanceOf(BadCredentialsException.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticate("nobody", tooLong)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticate("nobody", tooLong)).isInstanceOf(LoginLockedException.class);
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticate(LOGIN, "a-wrong-secret")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(authenticate(LOGIN, SECRET).isAuthenticated()).isTrue();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticate(LOGIN, "a-wrong-secret")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(authenticate(LOGIN, SECRET).isAuthenticated())
                .as("four failures, but never three in a row")
                .isTrue();
    }

    /** A stranger guessing from elsewhere locks only their own address out, never the owner's. */
    @Test
    void aLockOutIsOfTheLoginFromOneAddress() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authenticate(LOGIN, "a-guess", "198.51.100.7"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticate(LOGIN, SECRET, "198.51.100.7"))
                .isInstanceOf(LoginLockedException.class)
                .extracting(e -> ((LoginLockedException) e).reason())
                .isEqualTo(LoginLockedException.Reason.LOCKED_OUT);
        assertThat(authenticate(LOGIN, SECRET, "192.0.2.1").isAuthenticated())
                .as("the owner, from its own address")
                .isTrue();
    }

    /** Made-up logins and secrets from one address cost at most its budget of BCrypt checks, then a 429. */
    @Test
    void secretsToCheckAreThrottledPerAddressBeforeBCryptRuns() {
        when(store.forAuthentication(org.mockito.ArgumentMatchers.startsWith("bogus")))
                .thenReturn(Optional.empty());
        for (int i = 0; i < 6; i++) {
            String login = "bogus" + i;
            assertThatThrownBy(() -> authenticate(login, "x", "203.0.113.9"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(6);
        assertThatThrownBy(() -> authenticate("bogus-more", "x", "203.0.113.9"))
                .isInstanceOf(LoginLockedException.class)
                .extracting(e -> ((LoginLockedException) e).reason())
                .isEqualTo(LoginLockedException.Reason.THROTTLED);
        assertThatThrownBy(() -> authenticate(LOGIN, SECRET, "203.0.113.9"))
                .as("the right secret too, from that address, until its budget refills")
                .isInstanceOf(LoginLockedException.class);
        assertThat(bcryptChecks).as("no hash checked past the budget").hasValue(6);
        assertThat(authenticate(LOGIN, SECRET, "192.0.2.1").isAuthenticated())
                .as("another address")
                .isTrue();
        int checks = bcryptChecks.get();
        for (int i = 0; i < 10; i++) {
            authenticate(LOGIN, SECRET, "192.0.2.1");
        }
        assertThat(bcryptChecks).as("a remembered secret spends no check").hasValue(checks);
    }

    @Test
    void neitherTheSecretNorItsHashAppearsInToString() {
        StoredCredential credential = store.forAuthentication(LOGIN).orElseThrow();
        assertThat(credential.toString()).contains(LOGIN).doesNotContain(hash);
        Authentication authenticated = authenticate(LOGIN, SECRET);
        assertThat(authenticated.getCredentials()).isNull();
        assertThat(authenticated.toString()).doesNotContain(SECRET).doesNotContain(hash);
    }
}
