package com.campaignledger.campaign.api;

import java.util.List;

/** The command's values break the campaign's rules (a 400 listing each field). */
public final class InvalidCampaignException extends CampaignRuleException {

    private final List<Violation> violations;

    public InvalidCampaignException(List<Violation> violations) {
        super("Invalid campaign: "
                + violations.stream().map(v -> v.field() + " " + v.message()).toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
