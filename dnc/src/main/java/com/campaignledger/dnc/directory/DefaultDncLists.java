package com.campaignledger.dnc.directory;

import com.campaignledger.dnc.api.DncCommands.CreateDncList;
import com.campaignledger.dnc.api.DncListId;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Every account has a default DNC list, where DNC results go: made the first time it is needed. Two instances making
 * it at once: the second fails on dnc_default_list's key, and finds the first one's.
 */
@Component
public class DefaultDncLists {

    static final String NAME = "Default";

    private final DncQueries queries;

    DefaultDncLists(DncQueries queries) {
        this.queries = queries;
    }

    /** The account's default list, made with {@code send} (which dispatches a command) if it has none yet. */
    public DncListId of(String accountId, Consumer<Object> send) {
        return queries.defaultList(accountId).map(DncListId::of).orElseGet(() -> {
            DncListId id = DncListId.of(queries.nextListId());
            try {
                send.accept(new CreateDncList(id, accountId, NAME, true));
                return id;
            } catch (DuplicateKeyException raced) {
                return queries.defaultList(accountId).map(DncListId::of).orElseThrow(() -> raced);
            }
        });
    }
}
