package com.campaignledger.web;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.FindCampaignQuery;
import com.campaignledger.projections.history.AggregateHistoryRepository;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Reads a campaign of the caller's account from the campaign read model, for endpoints that depend on it. */
@Component
public class CampaignLookup {

    private final QueryGateway queries;
    private final CampaignViewGuard guard;
    private final AggregateHistoryRepository aggregates;

    CampaignLookup(QueryGateway queries, CampaignViewGuard guard, AggregateHistoryRepository aggregates) {
        this.queries = queries;
        this.guard = guard;
        this.aggregates = aggregates;
    }

    /**
     * Whether the account created this campaign (deleted or not). Read from the campaign's first event, which is
     * written with the command, not from the read model, which may not have seen a campaign created a moment ago.
     */
    public boolean createdBy(String accountId, long campaignId) {
        return campaignId > 0
                && aggregates
                        .accountOf(CampaignId.of(campaignId).toString())
                        .map(accountId::equals)
                        .orElse(false);
    }

    public Optional<CampaignView> find(long campaignId, String accountId) {
        return queries.query(
                        new FindCampaignQuery(campaignId, accountId),
                        ResponseTypes.optionalInstanceOf(CampaignView.class))
                .join();
    }

    /**
     * The campaign, deleted or not, or a 404 when the account never had it; a 503 while the read model is rebuilt
     * and does not show it yet.
     */
    public CampaignView requireEvenDeleted(long campaignId, String accountId) {
        return guard.require(campaignId, () -> find(campaignId, accountId));
    }

    /**
     * The campaign, or a 404 when the account has no such campaign (or it was deleted); a 503 while the read
     * model is rebuilt and does not show it yet.
     */
    public CampaignView require(long campaignId, String accountId) {
        CampaignView view = requireEvenDeleted(campaignId, accountId);
        if (view.deleted()) {
            throw new ResourceNotFoundException("No campaign " + campaignId);
        }
        return view;
    }

    /**
     * The campaign, or a 409 naming its status when it is in none of {@code allowed}. A status that does not allow
     * it may be one the campaign has just left (a START acknowledged a moment ago): before refusing, the read model
     * is given time to follow the store, and asked again.
     */
    public CampaignView requireStatus(long campaignId, String accountId, Set<CampaignStatus> allowed, String action) {
        CampaignView view = require(campaignId, accountId);
        if (!allowed.contains(view.status()) && guard.awaitCaughtUp()) {
            view = require(campaignId, accountId);
        }
        if (!allowed.contains(view.status())) {
            throw new CampaignStatusConflictException(view.status(), action);
        }
        return view;
    }
}
