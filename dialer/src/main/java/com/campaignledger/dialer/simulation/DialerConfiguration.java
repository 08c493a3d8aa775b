package com.campaignledger.dialer.simulation;

import com.campaignledger.dialer.CallFlowClock;
import com.campaignledger.dialer.CallIds;
import com.campaignledger.dialer.calllist.CallListRepository;
import com.campaignledger.dialer.leads.LeadClaims;
import com.campaignledger.dialer.window.CallingWindow;
import com.campaignledger.projections.compliance.ComplianceQueries;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the simulated dialer when {@code ledger.dialer.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DialerProperties.class)
public class DialerConfiguration {

    /** The simulation's clock: real time, or faster with {@code ledger.dialer.time-scale}. */
    @Bean
    public CallFlowClock simulationClock(DialerProperties properties) {
        return new CallFlowClock(Instant.now(), properties.timeScale());
    }

    /** Numbers' local time zones and the calling window: one rule for the simulated dialer and the external one's reports. */
    @Bean
    public CallingWindow callingWindow(DialerProperties properties) {
        return new CallingWindow(properties.fallbackZone());
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.dialer.enabled", havingValue = "true")
    public SimulatedDialer simulatedDialer(
            DialerProperties properties,
            CommandGateway commands,
            CallListRepository callList,
            LeadClaims claims,
            CallIds callIds,
            SimulatedAgents agents,
            CallFlowClock clock,
            ComplianceQueries compliance) {
        return new SimulatedDialer(
                properties, commands, callList, claims, callIds, agents, clock, new PacerRecall(compliance));
    }
}
