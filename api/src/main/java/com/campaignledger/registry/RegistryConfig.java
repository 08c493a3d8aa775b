package com.campaignledger.registry;

import com.campaignledger.projections.registry.AgentRegistryDirectory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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
                .registerListenerInvocationErrorHandler(AgentRegistryDirectory.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
