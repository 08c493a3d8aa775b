package com.campaignledger.notifications.postback;

import com.campaignledger.notifications.api.PostbackKind;
import java.time.Instant;

/**
 * A legacy postback subscription (seed 001): where call-finished or campaign-finished XML is posted.
 * {@code campaignId} 0 means every campaign of the account; a campaign's own call-finished URL overrides it.
 */
public record Postback(
        long id,
        String accountId,
        PostbackKind kind,
        long campaignId,
        String postUrl,
        boolean active,
        Instant created,
        Instant lastModified) {}
