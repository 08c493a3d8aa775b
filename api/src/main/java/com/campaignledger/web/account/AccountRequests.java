package com.campaignledger.web.account;

import com.campaignledger.accounts.Credential;
import com.campaignledger.accounts.CredentialRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the admin endpoints. */
final class AccountRequests {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    static final String LOGIN_PATTERN = Credential.LOGIN_PATTERN;

    private AccountRequests() {}

    record NewAccount(
            @Schema(description = "The account id; generated when absent", example = "acme")
            @Pattern(
                    regexp = ID_PATTERN,
                    message = "must be 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit")
            String id,

            @Schema(example = "Acme Collections") @NotBlank @Size(max = 200)
            String name) {}

    record NewCredential(
            @Schema(description = "The login; generated from the account id when absent", example = "acme-backoffice")
            @Pattern(
                    regexp = LOGIN_PATTERN,
                    message =
                            "must be 1-128 of letters, digits, '.', '_', '@' and '-', starting with a letter or digit")
            String login,

            @Schema(description = "USER (the default) or ADMIN")
            CredentialRole role) {}
}
