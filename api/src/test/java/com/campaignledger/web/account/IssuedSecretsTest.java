package com.campaignledger.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.accounts.AccountService;
import com.campaignledger.accounts.Credential;
import com.campaignledger.accounts.CredentialRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A secret travels only in a response body: the objects that carry it keep it out of any log line. */
class IssuedSecretsTest {

    @Test
    void anIssuedCredentialNeverShowsItsSecretInToString() {
        String secret = AccountService.newSecret();
        Credential credential =
                new Credential("acme-api", "acme", CredentialRole.USER, true, Instant.EPOCH, "admin", Instant.EPOCH);
        AccountService.IssuedCredential issued = new AccountService.IssuedCredential(credential, secret);
        assertThat(issued.toString()).contains("acme-api").doesNotContain(secret);
        assertThat(AccountAdminController.IssuedCredentialResponse.of(issued).toString())
                .contains("acme-api")
                .doesNotContain(secret);
    }

    @Test
    void aNewSecretIs256RandomBitsThatNeedNoEscapingInABasicHeader() {
        String secret = AccountService.newSecret();
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(AccountService.newSecret());
    }
}
