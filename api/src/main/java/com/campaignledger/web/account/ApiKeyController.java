package com.campaignledger.web.account;

import com.campaignledger.accounts.AccountService;
import com.campaignledger.accounts.apikey.ApiKey;
import com.campaignledger.accounts.apikey.ApiKeys;
import com.campaignledger.idempotency.CommandExecutor;
import com.campaignledger.web.CommandRequest;
import com.campaignledger.web.RequestContext;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A credential's API keys for its own account (SPEC §7): the key is in the answer that made it and nowhere else
 * (a repeat under the same idempotency key answers without it).
 */
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    record NewKey(
            @Schema(example = "Predictive front end") @NotBlank @Size(max = 200)
            String name) {}

    record IssuedKeyResponse(
            ApiKey apiKey,

            @Schema(description = "The key, shown this once: only a hash of it is kept")
            String key) implements CommandExecutor.SecretBearing {

        @Override
        public Object storedWithoutSecret() {
            return new IssuedKeyResponse(apiKey, null);
        }

        @Override
        public String toString() {
            return "IssuedKeyResponse[" + apiKey + "]";
        }
    }

    private final ApiKeys keys;
    private final CommandExecutor executor;

    ApiKeyController(ApiKeys keys, CommandExecutor executor) {
        this.keys = keys;
        this.executor = executor;
    }

    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody NewKey body, CommandRequest command) {
        return executor.execute(command, null, body, context -> {
            ApiKeys.IssuedKey issued = keys.create(caller(context), body.name().strip());
            return ResponseEntity.created(
                            URI.create("/api/api-keys/" + issued.apiKey().id()))
                    .body(new IssuedKeyResponse(issued.apiKey(), issued.key()));
        });
    }

    @GetMapping
    List<ApiKey> list(RequestContext context) {
        return keys.list(context.accountId());
    }

    @GetMapping("/{id}")
    ApiKey get(@PathVariable String id, RequestContext context) {
        return keys.get(context.accountId(), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> revoke(@PathVariable String id, CommandRequest command) {
        return executor.execute(command, null, null, context -> {
            keys.revoke(caller(context), id);
            return ResponseEntity.noContent().build();
        });
    }

    private static AccountService.Caller caller(RequestContext context) {
        return new AccountService.Caller(context.accountId(), context.actor(), context.requestId());
    }
}
