package com.campaignledger.dnc.command;

import com.campaignledger.dnc.api.DncCommands.CreateDncList;
import com.campaignledger.dnc.api.DncCommands.DeleteDncList;
import com.campaignledger.dnc.api.DncCommands.RenameDncList;
import com.campaignledger.dnc.api.DncEvents.DncListCreated;
import com.campaignledger.dnc.api.DncEvents.DncListDeleted;
import com.campaignledger.dnc.api.DncEvents.DncListRenamed;
import com.campaignledger.dnc.api.DncListId;
import com.campaignledger.dnc.api.DncRuleException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DncListTest {

    private static final DncListId ID = DncListId.of(3);
    private AggregateTestFixture<DncList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DncList.class);
    }

    @Test
    void aListIsCreatedRenamedAndDeleted() {
        fixture.givenNoPriorActivity()
                .when(new CreateDncList(ID, "acme", "  Complaints ", false))
                .expectEvents(new DncListCreated(ID, "acme", "Complaints", false));
        fixture.given(new DncListCreated(ID, "acme", "Complaints", false))
                .when(new RenameDncList(ID, "Legal"))
                .expectEvents(new DncListRenamed(ID, "Complaints", "Legal"));
        fixture.given(new DncListCreated(ID, "acme", "Complaints", false))
                .when(new RenameDncList(ID, "Complaints"))
                .expectNoEvents();
        fixture.given(new DncListCreated(ID, "acme", "Complaints", false))
                .when(new DeleteDncList(ID))
                .expectEvents(new DncListDeleted(ID));
    }

    @Test
    void theDefaultListIsNeverDeletedAndADeletedListChangesNoMore() {
        fixture.given(new DncListCreated(ID, "acme", "Default", true))
                .when(new DeleteDncList(ID))
                .expectNoEvents()
                .expectException(DncRuleException.class);
        fixture.given(new DncListCreated(ID, "acme", "Old", false), new DncListDeleted(ID))
                .when(new RenameDncList(ID, "New"))
                .expectNoEvents()
                .expectException(DncRuleException.class);
    }

    @Test
    void aNameIsOneTo200Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateDncList(ID, "acme", " ", false))
                .expectNoEvents()
                .expectException(DncRuleException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateDncList(ID, "acme", "x".repeat(201), false))
                .expectException(DncRuleException.class);
    }
}
