package com.campaignledger.registry.roster;

import com.campaignledger.registry.directory.AgentRegistryDirectory;
import com.campaignledger.registry.invite.InviteMailer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processor settings of the registry that application.yml cannot express. */
@Configuration(proxyBeanMethods = false)
public class RegistryConfig {

    /**
     * A registry row that cannot be written (a userId or group name already held) must fail the command
     * that caused it, rolling its events back, not be logged away.
     */
    @Bean
    public ConfigurerModule agentRegistryProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(
                        AgentRegistryDirectory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // A session that could not be logged out (a concurrent command on it, the database away) is tried
                // again; the campaign's own refusals are caught in the handler.
                .registerListenerInvocationErrorHandler(
                        RosterEnforcer.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // A mail that could not be sent is tried again (the batch is retried with a growing delay).
                .registerListenerInvocationErrorHandler(
                        InviteMailer.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // Invites sent before this processor existed are not mailed when it first starts.
                .registerTrackingEventProcessorConfiguration(
                        InviteMailer.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
