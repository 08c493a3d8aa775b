package com.campaignledger.campaign;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.config.AxonConfig;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.FindCampaignQuery;
import com.campaignledger.web.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a campaign of the caller's account from the campaign read model, for endpoints that depend on it. */
@Component
public class CampaignLookup {

    private static final ObjectMapper METADATA = new ObjectMapper();

    private final QueryGateway queries;
    private final CampaignViewRebuild rebuild;
    private final JdbcTemplate jdbc;

    CampaignLookup(QueryGateway queries, CampaignViewRebuild rebuild, JdbcTemplate jdbc) {
        this.queries = queries;
        this.rebuild = rebuild;
        this.jdbc = jdbc;
    }

    /**
     * Whether the account created this campaign (deleted or not). Read from the campaign's first event, which is
     * written with the command, not from the read model, which may not have seen a campaign created a moment ago.
     */
    public boolean createdBy(String accountId, long campaignId) {
        if (campaignId <= 0) {
            return false;
        }
        List<byte[]> first = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", (row, i) -> row.getBytes(1), CampaignId.of(campaignId).toString());
        if (first.isEmpty() || first.get(0) == null) {
            return false;
        }
        try {
            JsonNode metadata = METADATA.readTree(first.get(0));
            return accountId.equals(metadata.path(AxonConfig.ACCOUNT_ID).asText(null));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable metadata of " + CampaignId.of(campaignId), e);
        }
    }

    public Optional<CampaignView> find(long campaignId, String accountId) {
        return queries.query(new FindCampaignQuery(campaignId, accountId),
                ResponseTypes.optionalInstanceOf(CampaignView.class)).join();
    }

    /**
     * The campaign, or a 404 when the account has no such campaign (or it was deleted); a 503 while the read
     * model is rebuilt and does not show it yet.
     */
    public CampaignView require(long campaignId, String accountId) {
        CampaignView view = rebuild.require(campaignId, () -> find(campaignId, accountId));
        if (view.deleted()) {
            throw new ResourceNotFoundException("No campaign " + campaignId);
        }
        return view;
    }

    /** The campaign, or a 409 naming its status when it is in none of {@code allowed}. */
    public CampaignView requireStatus(long campaignId, String accountId, Set<CampaignStatus> allowed, String action) {
        CampaignView view = require(campaignId, accountId);
        if (!allowed.contains(view.status())) {
            throw new CampaignStatusConflictException(view.status(), action);
        }
        return view;
    }
}
