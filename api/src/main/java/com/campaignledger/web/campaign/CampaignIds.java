package com.campaignledger.web.campaign;

import com.campaignledger.campaign.api.CampaignId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out campaign ids from a database sequence: unique across every instance of the service. */
@Component
public class CampaignIds {

    private final JdbcTemplate jdbc;

    public CampaignIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CampaignId next() {
        Long next = jdbc.queryForObject("SELECT nextval('campaign_id_seq')", Long.class);
        return CampaignId.of(next);
    }
}
