package com.campaignledger.projections.campaign;

import com.campaignledger.campaign.api.CampaignArchivedEvent;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignFinishedEvent;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStartedEvent;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignStoppedEvent;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.DialRatioUpdatedEvent;
import com.campaignledger.campaign.api.NumbersAddedEvent;
import com.campaignledger.campaign.api.QuestionsDeletedEvent;
import com.campaignledger.campaign.api.TransferNumbersDeletedEvent;
import com.campaignledger.campaign.api.UpdateDialRatioCommand;
import java.time.Instant;
import java.util.Collections;

/**
 * How each campaign event changes the view: one pure function, used by the live projection and by the
 * as-of reader that rebuilds a past state from the event store, so both always agree.
 */
public final class CampaignViewFold {

    private CampaignViewFold() {}

    /** The view after {@code event}, or {@code current} unchanged when the event is no campaign event. */
    public static CampaignView apply(CampaignView current, Object event, Instant at) {
        if (event instanceof CampaignCreatedEvent e) {
            return new CampaignView(
                    e.campaignId().value(),
                    e.accountId(),
                    CampaignStatus.SETUP,
                    at,
                    at,
                    at,
                    e.settings(),
                    UpdateDialRatioCommand.MIN_RATIO,
                    0,
                    1,
                    false);
        }
        if (current == null) {
            return null;
        }
        CampaignView v = current;
        if (event instanceof CampaignUpdatedEvent e) {
            return config(v, e.settings(), v.dialRatio(), at);
        }
        if (event instanceof TransferNumbersDeletedEvent) {
            return config(
                    v,
                    v.settings().with(CampaignPatch.of(Collections.singletonMap("transferNumbers", null))),
                    v.dialRatio(),
                    at);
        }
        if (event instanceof QuestionsDeletedEvent) {
            return config(
                    v,
                    v.settings().with(CampaignPatch.of(Collections.singletonMap("questions", null))),
                    v.dialRatio(),
                    at);
        }
        if (event instanceof DialRatioUpdatedEvent e) {
            return config(v, v.settings(), e.newRatio(), at);
        }
        if (event instanceof CampaignStartedEvent) {
            return status(v, CampaignStatus.RUNNING, at);
        }
        if (event instanceof CampaignStoppedEvent) {
            return status(v, CampaignStatus.STOPPED, at);
        }
        if (event instanceof CampaignFinishedEvent) {
            return status(v, CampaignStatus.FINISHED, at);
        }
        if (event instanceof CampaignArchivedEvent) {
            return status(v, CampaignStatus.ARCHIVED, at);
        }
        if (event instanceof CampaignDeletedEvent) {
            return new CampaignView(
                    v.id(),
                    v.accountId(),
                    v.status(),
                    v.created(),
                    at,
                    v.configUpdated(),
                    v.settings(),
                    v.dialRatio(),
                    v.numberCount(),
                    v.version() + 1,
                    true);
        }
        if (event instanceof NumbersAddedEvent e) {
            return new CampaignView(
                    v.id(),
                    v.accountId(),
                    v.status(),
                    v.created(),
                    at,
                    v.configUpdated(),
                    v.settings(),
                    v.dialRatio(),
                    v.numberCount() + e.added().size(),
                    v.version() + 1,
                    v.deleted());
        }
        return current;
    }

    private static CampaignView config(CampaignView v, CampaignSettings settings, double dialRatio, Instant at) {
        return new CampaignView(
                v.id(),
                v.accountId(),
                v.status(),
                v.created(),
                at,
                at,
                settings,
                dialRatio,
                v.numberCount(),
                v.version() + 1,
                v.deleted());
    }

    private static CampaignView status(CampaignView v, CampaignStatus status, Instant at) {
        return new CampaignView(
                v.id(),
                v.accountId(),
                status,
                v.created(),
                at,
                v.configUpdated(),
                v.settings(),
                v.dialRatio(),
                v.numberCount(),
                v.version() + 1,
                v.deleted());
    }
}
