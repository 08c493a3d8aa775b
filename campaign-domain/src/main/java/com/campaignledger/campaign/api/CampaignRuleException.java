package com.campaignledger.campaign.api;

/** A command broke a rule of the campaign; the API turns each kind into its own HTTP status. */
public abstract sealed class CampaignRuleException extends RuntimeException
        permits IllegalCampaignTransitionException,
                InvalidCampaignException,
                CampaignRevisionMismatchException,
                NotOnRosterException {

    protected CampaignRuleException(String message) {
        super(message);
    }
}
