package com.campaignledger.operations.deadletters;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The processors with {@code axon.eventhandling.processors.<name>.dlq.enabled} (application.yml) put an event they
 * cannot handle in the {@code dead_letter_entry} table instead of logging it away; later events of the same
 * aggregate wait behind it (Axon's sequencing per aggregate). See docs/operations.md, "Dead letters".
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /** The longest cause message the table holds ({@code cause_message VARCHAR(1023)}). */
    static final int CAUSE_LENGTH = 1023;

    @Bean
    public ConfigurerModule deadLetterPolicies(EventProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultDeadLetterPolicy(c -> DeadLetterConfig::enqueue);
            properties.getProcessors().forEach((name, settings) -> {
                if (settings.getDlq().isEnabled()) {
                    // A replay rebuilds the model from the first event: the letters of the model it replaces go.
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            name, (c, builder) -> builder.allowReset(true));
                }
            });
        });
    }

    @Bean
    public SuspectEventSavepoints suspectEventSavepoints(PlatformTransactionManager transactions) {
        return new SuspectEventSavepoints(transactions);
    }

    /**
     * Every failure is dead-lettered, with its cause made storable: the message cut to the column and without control
     * characters (a cause quoting the bad value would otherwise fail to be stored for the same reason).
     */
    static EnqueueDecision<EventMessage<?>> enqueue(Object letter, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).replaceAll("[\\p{Cntrl}&&[^\\t\\r\\n]]", "?");
        if (message.length() > CAUSE_LENGTH) {
            message = message.substring(0, CAUSE_LENGTH);
        }
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), message));
    }
}
