package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.registry.directory.AgentGroupView;
import com.campaignledger.registry.directory.AgentRegistry;
import com.campaignledger.web.RequestValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A campaign's agentGroupName, which the client never sets: taken from the agent group its agentGroupId names when
 * the campaign is written, and shown as the group is called now when it is read.
 */
@Component
class CampaignGroupNames {

    private final AgentRegistry registry;

    CampaignGroupNames(AgentRegistry registry) {
        this.registry = registry;
    }

    /**
     * agentGroupId must name a live agent group of the account; agentGroupName is read-only and taken from it
     * (the campaign then puts the group on its roster).
     */
    CampaignRequest named(CampaignRequest request, String account) {
        if (!request.settings().containsKey("agentGroupId")) {
            return request;
        }
        Map<String, Object> settings = new LinkedHashMap<>(request.settings());
        Long groupId = (Long) settings.get("agentGroupId");
        String name = null;
        if (groupId != null) {
            name = registry.group(account, groupId)
                    .map(AgentGroupView::name)
                    .orElseThrow(() -> new RequestValidationException(
                            "agentGroupId", "no agent group " + groupId + " in this account"));
        }
        settings.put("agentGroupName", name);
        return new CampaignRequest(
                settings, request.passcodeSent(), request.passcode(), request.numbers(), request.requestId());
    }

    /** agentGroupName follows the group's renames: the name now, not the one the campaign was given. */
    CampaignResponse current(CampaignResponse response, String account) {
        Long groupId = response.settings().agentGroupId();
        if (groupId == null) {
            return response;
        }
        Optional<String> current = registry.group(account, groupId).map(AgentGroupView::name);
        if (current.isEmpty() || current.get().equals(response.settings().agentGroupName())) {
            return response;
        }
        Map<String, Object> name = new HashMap<>();
        name.put("agentGroupName", current.get());
        CampaignSettings settings = response.settings().with(CampaignPatch.of(name));
        return new CampaignResponse(
                response.id(),
                response.status(),
                response.created(),
                response.lastModified(),
                response.configUpdated(),
                settings,
                response.passcodeSet(),
                response.dialRatio(),
                response.numberCount(),
                response.version());
    }
}
