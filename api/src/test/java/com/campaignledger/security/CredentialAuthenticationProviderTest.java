package com.campaignledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.campaignledger.accounts.AccountStore;
import com.campaignledger.accounts.CredentialRole;
import com.campaignledger.accounts.StoredCredential;
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
                store, encoder, new LoginLockout(new LedgerSecurityProperties.Lockout(3, Duration.ofHours(1))));
        hash = encoder.encode(SECRET);
        stored(hash, true, true);
    }

    private void stored(String secretHash, boolean enabled, boolean accountEnabled) {
        when(store.forAuthentication(LOGIN))
                .thenReturn(Optional.of(
                        new StoredCredential(LOGIN, "acme", CredentialRole.USER, secretHash, enabled, accountEnabled)));
    }

    private Authentication authenticate(String login, String secret) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, secret));
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

    @Test
    void neitherTheSecretNorItsHashAppearsInToString() {
        StoredCredential credential = store.forAuthentication(LOGIN).orElseThrow();
        assertThat(credential.toString()).contains(LOGIN).doesNotContain(hash);
        Authentication authenticated = authenticate(LOGIN, SECRET);
        assertThat(authenticated.getCredentials()).isNull();
        assertThat(authenticated.toString()).doesNotContain(SECRET).doesNotContain(hash);
    }
}
