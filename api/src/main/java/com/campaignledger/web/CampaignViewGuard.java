package com.campaignledger.web;

import com.campaignledger.kernel.ResourceNotFoundException;
import com.campaignledger.operations.processors.ProcessorCatchUp;
import com.campaignledger.projections.campaign.CampaignViewProjection;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.ReplayToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a campaign missing from the campaign read model means: while that model is replayed
 * (POST /api/admin/processors/campaign-view/replay) it may simply not be rebuilt yet, so the answer is a 503
 * with Retry-After; a campaign created a moment ago may not be in it yet, so the answer waits (bounded) for the
 * model to follow the store; otherwise the account has no such campaign, a 404.
 * <p>
 * "Replayed" is read from the token store, not from this instance's processor: Axon writes the replay tokens in
 * the transaction that empties the model, so the two are seen together, on every instance, also before a
 * processor has claimed its segments again. Asked only on the rare path of a campaign not found.
 */
@Component
public class CampaignViewGuard {

    private final JdbcTemplate jdbc;
    private final ProcessorCatchUp catchUp;

    CampaignViewGuard(JdbcTemplate jdbc, ProcessorCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /**
     * Waits, at most {@code ledger.read-models.request-wait} (2 s), until the view has followed the store up to its newest
     * event.
     *
     * @return whether it was behind and has caught up (worth a second look)
     */
    public boolean awaitCaughtUp() {
        return catchUp.await(CampaignViewProjection.PROCESSING_GROUP);
    }

    public boolean underway() {
        Integer replaying = jdbc.queryForObject(
                "SELECT COUNT(*) FROM token_entry WHERE processor_name = ? AND token_type = ?",
                Integer.class,
                CampaignViewProjection.PROCESSING_GROUP,
                ReplayToken.class.getName());
        return replaying != null && replaying > 0;
    }

    /**
     * The campaign {@code read} finds; a 503 when it finds none while the view is replayed, a 404 when it finds none
     * once the view has followed the store. A replay that ends between the read and the look at the tokens is
     * caught by reading once more.
     */
    public <T> T require(long campaignId, Supplier<Optional<T>> read) {
        Optional<T> found = read.get();
        if (found.isPresent()) {
            return found.get();
        }
        if (underway()) {
            throw new ReadModelRebuildingException(
                    CampaignViewProjection.PROCESSING_GROUP,
                    "The campaign read model " + "is being rebuilt and does not show campaign " + campaignId
                            + " yet; retry in a few seconds");
        }
        awaitCaughtUp();
        return read.get().orElseThrow(() -> new ResourceNotFoundException("No campaign " + campaignId));
    }
}
