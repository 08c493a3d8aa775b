package com.campaignledger.eventstore;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.LoadCampaignCommand;
import com.campaignledger.projections.campaign.CampaignViewRepository;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a start, loads the running campaigns (the most recently changed first, at most the cache's size) into the
 * campaign cache on a background thread: the first call reported on a campaign of 100,000 numbers then costs what
 * any other does, instead of reading its snapshot (11x in docs/benchmarks.md). Requests are served meanwhile; a
 * campaign they reach first is simply loaded by them.
 */
@Component
class CampaignCacheWarmUp {

    private static final Logger log = LoggerFactory.getLogger(CampaignCacheWarmUp.class);

    private final CampaignViewRepository campaigns;
    private final CommandGateway commands;
    private final boolean enabled;
    private final int limit;

    CampaignCacheWarmUp(
            CampaignViewRepository campaigns,
            CommandGateway commands,
            @Value("${ledger.campaign-cache-warm-up}") boolean enabled,
            @Value("${ledger.campaign-cache-size}") int limit) {
        this.campaigns = campaigns;
        this.commands = commands;
        this.enabled = enabled;
        this.limit = limit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::loadRunningCampaigns, "campaign-cache-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    void loadRunningCampaigns() {
        long start = System.nanoTime();
        List<Long> running = campaigns.runningCampaignIds(limit);
        int loaded = 0;
        for (long id : running) {
            try {
                commands.sendAndWait(new LoadCampaignCommand(CampaignId.of(id)));
                loaded++;
            } catch (RuntimeException e) {
                log.debug("Campaign {} not loaded into the cache: {}", id, e.getMessage());
            }
        }
        if (!running.isEmpty()) {
            log.info(
                    "{} running campaigns loaded into the campaign cache in {} ms",
                    loaded,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
