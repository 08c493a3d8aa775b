package com.campaignledger.dnc;

import com.campaignledger.dnc.directory.DncDirectory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processor settings of the DNC context that application.yml cannot express. */
@Configuration(proxyBeanMethods = false)
public class DncConfig {

    static final String FROM_CALL_RESULTS = "dnc-from-call-results";

    /**
     * The DNC tables are written in the events' own transaction: a row that cannot be written fails the command. A DNC
     * result that cannot be put on its list is tried again (with a growing back-off), never skipped.
     */
    @Bean
    public ConfigurerModule dncProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(
                        DncDirectory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(FROM_CALL_RESULTS, c -> PropagatingErrorHandler.instance()));
    }
}
