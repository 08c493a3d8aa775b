package com.campaignledger.notifications.saga;

import com.campaignledger.campaign.api.CallResult;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.notifications.api.CampaignCounters;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a campaign with their latest result, as the notification saga needs them for seed 001's
 * documents (campaign-stats counters, a number's extra data). Written in the saga's transaction; every
 * write is idempotent, so an event handled twice counts once.
 */
public interface CampaignNumbers {

    void added(long campaignId, List<ContactNumber> numbers);

    /** A dial result for the number; an older attempt never overwrites a newer one. */
    void resultRecorded(long campaignId, String number, CallResult result, int attempt);

    Map<String, String> extraData(long campaignId, String number);

    CampaignCounters stats(long campaignId);

    /** The campaign is done: nothing is kept for it any more. */
    void forget(long campaignId);
}
