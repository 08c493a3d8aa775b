package com.campaignledger.notifications;

import com.campaignledger.notifications.saga.CampaignNotificationSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code ledger.notifications.*}; the saga's processor settings that application.yml cannot express. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationsConfig {

    /**
     * A saga has no dead-letter queue in Axon 4: an event it cannot handle stops its processor, which tries the batch
     * again with a growing back-off and shows as failing in health, instead of being logged and skipped (Axon's
     * default), which would lose a notification without a trace.
     */
    @Bean
    public ConfigurerModule notificationSagaErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                CampaignNotificationSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
