package com.campaignledger.web;

import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.projections.campaign.CampaignView;
import com.campaignledger.projections.campaign.FindCampaignQuery;
import com.campaignledger.projections.history.AggregateHistoryRepository;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Reads a campaign of the caller's account from the campaign read model, for endpoints that depend on it. */
@Component
public class CampaignLookup {

    /** The status each of the campaign's status events leaves it in (a deletion leaves the status as it was). */
    private static final Map<String, CampaignStatus> STATUS_AFTER = Map.of(
            CampaignCreatedEvent.class.getName(), CampaignStatus.SETUP,
            CampaignStartedEvent.class.getName(), CampaignStatus.RUNNING,
            CampaignStoppedEvent.class.getName(), CampaignStatus.STOPPED,
            CampaignFinishedEvent.class.getName(), CampaignStatus.FINISHED,
            CampaignArchivedEvent.class.getName(), CampaignStatus.ARCHIVED);

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
     * A 409 naming the campaign's status when it is in none of {@code allowed} (a 404 when the account has no such
     * campaign). The read model may not have taken a change of status acknowledged a moment ago (a START just
     * answered): before refusing, the status is read from the campaign's events in the store, which hold every
     * acknowledged change, so a request that follows a command is judged on that command's outcome.
     */
    public void requireStatus(long campaignId, String accountId, Set<CampaignStatus> allowed, String action) {
        CampaignView view = require(campaignId, accountId);
        if (allowed.contains(view.status())) {
            return;
        }
        CampaignStatus stored = aggregates
                .newestOf(CampaignId.of(campaignId).toString(), STATUS_AFTER.keySet())
                .map(STATUS_AFTER::get)
                .orElse(view.status());
        if (!allowed.contains(stored)) {
            throw new CampaignStatusConflictException(stored, action);
        }
    }
}
