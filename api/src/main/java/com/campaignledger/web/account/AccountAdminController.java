package com.campaignledger.web.account;

import com.campaignledger.accounts.Account;
import com.campaignledger.accounts.AccountAuditEntry;
import com.campaignledger.accounts.AccountService;
import com.campaignledger.accounts.Credential;
import com.campaignledger.accounts.CredentialRole;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.QueryParameters;
import com.campaignledger.web.RequestContext;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and API credentials, for the ADMIN role only (the security configuration guards all of
 * {@code /api/admin/**}). A secret appears once, in the response that created or rotated it.
 */
@RestController
@RequestMapping("/api/admin")
class AccountAdminController {

    private final AccountService accounts;
    private final CommandExecutor executor;
    private final int maxPageSize;

    AccountAdminController(
            AccountService accounts, CommandExecutor executor, @Value("${ledger.max-page-size}") int maxPageSize) {
        this.accounts = accounts;
        this.executor = executor;
        this.maxPageSize = maxPageSize;
    }

    /**
     * A credential with its new secret: the only response that ever shows it. A repeat under the same idempotency key
     * answers it without the secret: only its hash is kept, also in the stored answer (rotate again if it was lost).
     */
    record IssuedCredentialResponse(
            String login,
            String accountId,
            CredentialRole role,
            boolean enabled,
            Instant secretChangedAt,

            @Schema(description = "The secret, shown this once: only its hash is kept")
            String secret)
            implements CommandExecutor.SecretBearing {

        static IssuedCredentialResponse of(AccountService.IssuedCredential issued) {
            Credential c = issued.credential();
            return new IssuedCredentialResponse(
                    c.login(), c.accountId(), c.role(), c.enabled(), c.secretChangedAt(), issued.secret());
        }

        @Override
        public Object storedWithoutSecret() {
            return new IssuedCredentialResponse(login, accountId, role, enabled, secretChangedAt, null);
        }

        @Override
        public String toString() {
            return "IssuedCredentialResponse[login=" + login + ", accountId=" + accountId + "]";
        }
    }

    @PostMapping("/accounts")
    ResponseEntity<?> createAccount(@Valid @RequestBody AccountRequests.NewAccount body, CommandRequest command) {
        return executor.execute(command, null, body, context -> {
            Account account = accounts.createAccount(
                    caller(context), body.id(), body.name().strip());
            return ResponseEntity.created(URI.create("/api/admin/accounts/" + account.id()))
                    .body(account);
        });
    }

    @GetMapping("/accounts")
    List<Account> accounts() {
        return accounts.accounts();
    }

    @GetMapping("/accounts/{accountId}")
    Account account(@PathVariable String accountId) {
        return accounts.account(accountId);
    }

    @PostMapping("/accounts/{accountId}/disable")
    ResponseEntity<?> disableAccount(@PathVariable String accountId, CommandRequest command) {
        return executor.execute(
                command, null, null, c -> ResponseEntity.ok(accounts.setAccountEnabled(caller(c), accountId, false)));
    }

    @PostMapping("/accounts/{accountId}/enable")
    ResponseEntity<?> enableAccount(@PathVariable String accountId, CommandRequest command) {
        return executor.execute(
                command, null, null, c -> ResponseEntity.ok(accounts.setAccountEnabled(caller(c), accountId, true)));
    }

    @PostMapping("/accounts/{accountId}/credentials")
    ResponseEntity<?> createCredential(
            @PathVariable String accountId,
            @Valid @RequestBody AccountRequests.NewCredential body,
            CommandRequest command) {
        return executor.execute(command, null, body, context -> {
            AccountService.IssuedCredential issued = accounts.createCredential(
                    caller(context), accountId, body.login(), body.role() == null ? CredentialRole.USER : body.role());
            return ResponseEntity.created(URI.create(
                            "/api/admin/credentials/" + issued.credential().login()))
                    .body(IssuedCredentialResponse.of(issued));
        });
    }

    @GetMapping("/accounts/{accountId}/credentials")
    List<Credential> credentials(@PathVariable String accountId) {
        return accounts.credentials(accountId);
    }

    @GetMapping("/credentials/{login}")
    Credential credential(@PathVariable String login) {
        return accounts.credential(login);
    }

    @PostMapping("/credentials/{login}/rotate")
    ResponseEntity<?> rotate(@PathVariable String login, CommandRequest command) {
        return executor.execute(
                command,
                null,
                null,
                c -> ResponseEntity.ok(IssuedCredentialResponse.of(accounts.rotate(caller(c), login))));
    }

    @PostMapping("/credentials/{login}/disable")
    ResponseEntity<?> disableCredential(@PathVariable String login, CommandRequest command) {
        return executor.execute(
                command, null, null, c -> ResponseEntity.ok(accounts.setCredentialEnabled(caller(c), login, false)));
    }

    @PostMapping("/credentials/{login}/enable")
    ResponseEntity<?> enableCredential(@PathVariable String login, CommandRequest command) {
        return executor.execute(
                command, null, null, c -> ResponseEntity.ok(accounts.setCredentialEnabled(caller(c), login, true)));
    }

    @GetMapping("/security-audit")
    List<AccountAuditEntry> audit(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        QueryParameters.checkPage(page, size, maxPageSize);
        return accounts.audit(page, size);
    }

    private static AccountService.Caller caller(RequestContext context) {
        return new AccountService.Caller(context.accountId(), context.actor(), context.requestId());
    }
}
