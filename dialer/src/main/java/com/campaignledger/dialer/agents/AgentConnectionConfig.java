package com.campaignledger.dialer.agents;

import com.campaignledger.dialer.outcome.AgentCallOutcomeRecorder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processor settings of the agent flow that application.yml cannot express. */
@Configuration(proxyBeanMethods = false)
public class AgentConnectionConfig {

    @Bean
    public ConfigurerModule agentProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                // Every instance follows the stream from now on, in memory: its waiters are its own.
                .registerTokenStore(ConnectionNotifier.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessorConfiguration(
                        ConnectionNotifier.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                // A directory row that cannot be written must fail the command that caused it, not be logged away.
                .registerListenerInvocationErrorHandler(
                        AgentSessionDirectory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // A call's result that could not be recorded (another instance appending to the campaign at the same
                // moment, the database away) is tried again rather than logged away: the agent's response was
                // acknowledged. The campaign's own refusals are caught in the handler.
                .registerListenerInvocationErrorHandler(
                        AgentCallOutcomeRecorder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
