package com.campaignledger.dnc.directory;

import static com.campaignledger.kernel.MetadataKeys.ACTOR;

import com.campaignledger.dnc.api.DncEvents.DncListCreated;
import com.campaignledger.dnc.api.DncEvents.DncListDeleted;
import com.campaignledger.dnc.api.DncEvents.DncListRenamed;
import com.campaignledger.dnc.api.DncEvents.DncNumberAdded;
import com.campaignledger.dnc.api.DncEvents.DncNumberReasonChanged;
import com.campaignledger.dnc.api.DncEvents.DncNumberRemoved;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The DNC tables, written in the transaction of the DNC events (a subscribing processor with a propagating error
 * handler, DncConfig): a number is on DNC as soon as its command is acknowledged, for every upload and claim after.
 */
@Component
@ProcessingGroup(DncDirectory.PROCESSING_GROUP)
public class DncDirectory {

    public static final String PROCESSING_GROUP = "dnc-directory";

    private final JdbcTemplate jdbc;

    DncDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DncListCreated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO dnc_list (list_id, account_id, name, default_list, deleted, created_at) "
                        + "VALUES (?, ?, ?, ?, FALSE, ?)",
                event.listId().value(),
                event.accountId(),
                event.name(),
                event.defaultList(),
                Timestamp.from(at));
        if (event.defaultList()) {
            // The key refuses a second default list of the account: that command fails and is tried again.
            jdbc.update(
                    "INSERT INTO dnc_default_list (account_id, list_id) VALUES (?, ?)",
                    event.accountId(),
                    event.listId().value());
        }
    }

    @EventHandler
    void on(DncListRenamed event) {
        jdbc.update(
                "UPDATE dnc_list SET name = ? WHERE list_id = ?",
                event.newName(),
                event.listId().value());
    }

    @EventHandler
    void on(DncListDeleted event) {
        jdbc.update(
                "UPDATE dnc_list SET deleted = TRUE WHERE list_id = ?",
                event.listId().value());
        // A deleted list keeps nobody off the phone: its numbers go with it (their history stays in the events).
        jdbc.update("DELETE FROM dnc_number WHERE list_id = ?", event.listId().value());
    }

    @EventHandler
    void on(
            DncNumberAdded event,
            @MetaDataValue(ACTOR) String actor,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO dnc_number (list_id, number, account_id, reason, source, campaign_id, call_id, actor, "
                        + "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.listId(),
                event.number(),
                event.accountId(),
                event.reason(),
                event.source().name(),
                event.campaignId(),
                event.callId(),
                actor,
                Timestamp.from(at));
    }

    @EventHandler
    void on(DncNumberReasonChanged event) {
        jdbc.update(
                "UPDATE dnc_number SET reason = ? WHERE list_id = ? AND number = ?",
                event.newReason(),
                event.listId(),
                event.number());
    }

    @EventHandler
    void on(DncNumberRemoved event) {
        jdbc.update("DELETE FROM dnc_number WHERE list_id = ? AND number = ?", event.listId(), event.number());
    }
}
