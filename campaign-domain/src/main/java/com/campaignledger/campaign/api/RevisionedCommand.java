package com.campaignledger.campaign.api;

/**
 * A command on an existing campaign that may demand the revision the caller last saw (HTTP If-Match):
 * {@code null} means "whatever the current revision is".
 */
public interface RevisionedCommand {

    CampaignId campaignId();

    Long expectedRevision();
}
