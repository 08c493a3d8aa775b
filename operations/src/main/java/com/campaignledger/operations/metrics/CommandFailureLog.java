package com.campaignledger.operations.metrics;

import com.campaignledger.kernel.MetadataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * One log line per failed command, from one interceptor on the command bus rather than in every handler
 * (Axon's Spring Boot support registers every command handler interceptor bean on the bus):
 * the command's type, its aggregate, the actor and why. The request and correlation ids are in the MDC
 * (commands run on the request's thread). Never the payload: it is kept for auditors, not for log readers.
 * <p>
 * A command refused by a rule of our domain, or sent to an aggregate that does not exist (the API answers
 * 4xx), is INFO; anything else, such as a database error or a concurrent append, is WARN.
 */
@Component
class CommandFailureLog implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandFailureLog.class);
    private static final String DOMAIN_PACKAGE = "com.campaignledger.";

    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // On rollback, so that a failure to commit the events (e.g. a concurrent append) is logged too.
        unitOfWork.onRollback(
                u -> logFailure(u.getMessage(), u.getExecutionResult().getExceptionResult()));
        return chain.proceed();
    }

    private void logFailure(CommandMessage<?> command, Throwable cause) {
        String type = command.getPayloadType().getSimpleName();
        String aggregate = target(command);
        Object actor = command.getMetaData().get(MetadataKeys.ACTOR);
        boolean refused = cause != null
                && (cause.getClass().getName().startsWith(DOMAIN_PACKAGE)
                        || cause instanceof AggregateNotFoundException);
        String why = cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        log.atLevel(refused ? Level.INFO : Level.WARN)
                .addKeyValue("command", type)
                .addKeyValue("aggregate", aggregate)
                .addKeyValue("actor", actor)
                .addKeyValue("outcome", refused ? "refused" : "failed")
                .log("Command {} on {} by {} {}: {}", type, aggregate, actor, refused ? "refused" : "failed", why);
    }

    private String target(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
