package com.campaignledger.campaign.api;

/** The command is not allowed in the campaign's current status (a 409 naming both). */
public final class IllegalCampaignTransitionException extends CampaignRuleException {

    private final CampaignStatus currentStatus;
    private final String command;

    public IllegalCampaignTransitionException(CampaignStatus currentStatus, String command, String why) {
        super("Cannot " + command + " a campaign that is " + currentStatus + (why == null ? "" : ": " + why));
        this.currentStatus = currentStatus;
        this.command = command;
    }

    public CampaignStatus currentStatus() {
        return currentStatus;
    }

    public String command() {
        return command;
    }
}
