package com.campaignledger.projections.replay;

import com.campaignledger.projections.agentsession.AgentSessionProjection;
import com.campaignledger.projections.campaign.CampaignViewProjection;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models that fold a few kinds of events into rows, rebuilt on PostgreSQL by feeding their own handlers only
 * the events they handle ({@link EventHandlerRebuild}). The live stats handle nearly every event (each dial result),
 * which makes that slow: they have a rebuild in SQL of their own (CampaignStatsRebuild).
 */
@Configuration(proxyBeanMethods = false)
public class EventHandlerRebuilds {

    @Bean
    public SetBasedRebuild campaignViewHandlerRebuild(
            CampaignViewProjection projection, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        return new EventHandlerRebuild(CampaignViewProjection.PROCESSING_GROUP, projection, jdbc, serializer);
    }

    @Bean
    public SetBasedRebuild agentSessionsHandlerRebuild(
            AgentSessionProjection projection, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        return new EventHandlerRebuild(AgentSessionProjection.PROCESSING_GROUP, projection, jdbc, serializer);
    }
}
