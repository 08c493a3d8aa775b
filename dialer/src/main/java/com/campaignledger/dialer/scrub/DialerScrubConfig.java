package com.campaignledger.dialer.scrub;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A scrub that could not be sent (a concurrent command on the campaign, the database away) is tried again. */
@Configuration(proxyBeanMethods = false)
public class DialerScrubConfig {

    @Bean
    public ConfigurerModule dncScrubbingErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                DncScrubbing.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
