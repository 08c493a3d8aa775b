package com.campaignledger.registry;

import com.campaignledger.web.RequestContext;
import com.campaignledger.web.RequestValidationException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/** What the registry's controllers share: sending a command with the request's metadata, and page checks. */
@Component
class RegistryCommands {

    private final CommandGateway commands;
    private final int maxPageSize;

    RegistryCommands(CommandGateway commands, @Value("${ledger.max-page-size}") int maxPageSize) {
        this.commands = commands;
        this.maxPageSize = maxPageSize;
    }

    <R> R send(RequestContext context, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(context.metaData()));
    }

    void checkPage(int page, int size) {
        if (page < 0) {
            throw new RequestValidationException("page", "must not be negative");
        }
        if (size < 1 || size > maxPageSize) {
            throw new RequestValidationException("size", "must be between 1 and " + maxPageSize);
        }
    }

    /** A list of ids in a body: present, not empty, each positive. */
    static List<Long> requireIds(String field, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new RequestValidationException(field, "must name at least one id");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i) <= 0) {
                throw new RequestValidationException(field + "[" + i + "]", "must be a positive id");
            }
        }
        return ids;
    }
}
