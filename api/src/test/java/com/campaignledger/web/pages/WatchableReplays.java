package com.campaignledger.web.pages;

import com.campaignledger.projections.history.CampaignHistoryProjection;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A replay of the audit trail's index that a browser can watch: on the embedded database a replay of a few hundred
 * events ends within one push of the page, so while the page tests run, each replayed event of that processor is held
 * a few milliseconds before its handler. Events that are not replayed are not held.
 */
@TestConfiguration(proxyBeanMethods = false)
class WatchableReplays {

    static final String PROCESSOR = CampaignHistoryProjection.PROCESSING_GROUP;

    /** A hundred replayed events take three seconds or more: several pushes of the operations view. */
    static final Duration PER_REPLAYED_EVENT = Duration.ofMillis(30);

    @Bean
    ConfigurerModule watchableReplays() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerHandlerInterceptor(PROCESSOR, configuration -> (unitOfWork, chain) -> {
                    if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                        LockSupport.parkNanos(PER_REPLAYED_EVENT.toNanos());
                    }
                    return chain.proceed();
                }));
    }
}
