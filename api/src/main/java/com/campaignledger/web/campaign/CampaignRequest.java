package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.ContactNumber;
import com.campaignledger.campaign.api.Passcodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign body as read from a create or update request: the settings it names (already typed and
 * with phone numbers in E.164), the passcode if it names one, numbers (create only) and its requestId.
 */
record CampaignRequest(
        Map<String, Object> settings,
        boolean passcodeSent,
        String passcode,
        List<ContactNumber> numbers,
        String requestId) {

    /** The settings as a patch, with the passcode hashed for this campaign. */
    CampaignPatch patch(CampaignId campaignId) {
        Map<String, Object> values = new LinkedHashMap<>(settings);
        if (passcodeSent) {
            values.put("passcodeHash", Passcodes.hash(campaignId, passcode));
        }
        return CampaignPatch.of(values);
    }
}
