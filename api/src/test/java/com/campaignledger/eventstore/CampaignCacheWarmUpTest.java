package com.campaignledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.testsupport.ApiClient;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The same context as the campaign contract on H2. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class CampaignCacheWarmUpTest {

    @LocalServerPort
    int port;

    @Autowired
    Cache campaignCache;

    @Autowired
    CampaignCacheWarmUp warmUp;

    @Test
    void runningCampaignsAreLoadedIntoTheCacheOthersAreNot() {
        ApiClient api = new ApiClient(port);
        long running = api.post(
                        "/api/campaigns",
                        "{\"name\": \"Warm\", \"fromNumber\": \"9206596476\", \"numbers\": [{\"number\": \"2125551000\"}]}")
                .json()
                .get("id")
                .asLong();
        long idle = api.post("/api/campaigns", "{\"name\": \"Cold\", \"fromNumber\": \"9206596476\"}")
                .json()
                .get("id")
                .asLong();
        api.post("/api/campaigns/" + running + "/control", "{\"command\": \"START\"}");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "RUNNING"
                                .equals(api.get("/api/campaigns/" + running)
                                        .json()
                                        .path("status")
                                        .asText())
                        && api.get("/api/campaigns/" + idle).status() == 200);
        // As after a restart: nothing in memory.
        campaignCache.removeAll();

        warmUp.loadRunningCampaigns();

        assertThat(campaignCache.containsKey(CampaignId.of(running).toString())).isTrue();
        assertThat(campaignCache.containsKey(CampaignId.of(idle).toString())).isFalse();
    }
}
