package com.campaignledger.registry.invite;

import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.registry.directory.AgentView;
import com.campaignledger.registry.directory.InviteView;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Invite links and their tokens. A token is {@code payload.signature}: the payload names the invite, campaign,
 * agent and expiry, the signature is HMAC-SHA256 with the service's signing key. Tokens are derived again when
 * asked for, never stored or logged; one is honoured only while it is the agent's latest invite to that
 * campaign, not revoked (agent disabled, taken off the roster) and not expired.
 */
@Component
public class InviteTokens {

    private static final Logger log = LoggerFactory.getLogger(InviteTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What a token says: exactly this agent on exactly this campaign, until then. */
    public record Claims(String inviteId, long campaignId, long agentId, Instant expiresAt) {}

    /** A valid token's claims, the account whose agent and campaign they name, and that agent's current userId. */
    public record Invitation(Claims claims, String accountId, String userId) {}

    private final AgentRegistry registry;
    private final Clock clock;
    private final String baseUrl;
    private final Duration ttl;
    private final byte[] key;

    InviteTokens(
            AgentRegistry registry,
            Clock clock,
            @Value("${ledger.invites.base-url}") String baseUrl,
            @Value("${ledger.invites.ttl}") Duration ttl,
            @Value("${ledger.invites.signing-key:}") String signingKey) {
        this.registry = registry;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.ttl = ttl;
        if (signingKey == null || signingKey.isBlank()) {
            log.warn("ledger.invites.signing-key is not set: invite links are signed with a key of this instance only "
                    + "and stop working at its restart; set the same key on every instance");
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = signingKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** When an invite sent now expires; whole seconds, as the token carries it. */
    public Instant expiryFromNow() {
        return clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The link of an invite: the configured base URL with the token in its {@code token} query parameter. */
    public String uri(InviteView invite) {
        // The token is base64url with a dot: nothing in it needs escaping in a query string.
        String token = token(invite.inviteId(), invite.campaignId(), invite.agentId(), invite.expiresAt());
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "token=" + token;
    }

    public String token(String inviteId, long campaignId, long agentId, Instant expiresAt) {
        String payload = inviteId + "." + campaignId + "." + agentId + "." + expiresAt.getEpochSecond();
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(sign(payload));
    }

    /**
     * The claims of a token that is well signed, unexpired and still the agent's current, unrevoked invite
     * (of an agent still enabled); empty otherwise.
     */
    public Optional<Claims> verify(String token) {
        return invitation(token).map(Invitation::claims);
    }

    /** Like {@link #verify}, with the account the invite belongs to. */
    public Optional<Invitation> invitation(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            if (parts.length != 4) {
                return Optional.empty();
            }
            Claims claims = new Claims(
                    parts[0],
                    Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            if (!clock.instant().isBefore(claims.expiresAt())) {
                return Optional.empty();
            }
            Optional<InviteView> current = registry.invite(claims.campaignId(), claims.agentId())
                    .filter(i -> !i.revoked() && i.inviteId().equals(claims.inviteId()));
            return current.flatMap(i -> registry.agent(i.accountId(), claims.agentId()))
                    .filter(AgentView::enabled)
                    .map(agent -> new Invitation(claims, current.get().accountId(), agent.userId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64, not numbers: not ours
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
