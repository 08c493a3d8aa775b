package com.campaignledger.campaign.api;

/** A roster removal names an agent or group that is not on the roster (a 404). */
public final class NotOnRosterException extends CampaignRuleException {

    public NotOnRosterException(String message) {
        super(message);
    }
}
