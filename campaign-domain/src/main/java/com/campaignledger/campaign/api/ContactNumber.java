package com.campaignledger.campaign.api;

import java.util.Map;

/** One number of the campaign's call list, E.164, with the extra data uploaded with it. */
public record ContactNumber(String number, Map<String, String> extraData) {

    public ContactNumber {
        extraData = extraData == null ? Map.of() : Map.copyOf(extraData);
    }
}
