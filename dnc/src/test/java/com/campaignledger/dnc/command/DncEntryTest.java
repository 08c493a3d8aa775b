package com.campaignledger.dnc.command;

import com.campaignledger.dnc.api.DncCommands.AddDncNumber;
import com.campaignledger.dnc.api.DncCommands.RemoveDncNumber;
import com.campaignledger.dnc.api.DncCommands.UpdateDncNumber;
import com.campaignledger.dnc.api.DncEntryId;
import com.campaignledger.dnc.api.DncEvents.DncNumberAdded;
import com.campaignledger.dnc.api.DncEvents.DncNumberReasonChanged;
import com.campaignledger.dnc.api.DncEvents.DncNumberRemoved;
import com.campaignledger.dnc.api.DncRuleException;
import com.campaignledger.dnc.api.DncSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DncEntryTest {

    private static final String NUMBER = "+12135551212";
    private static final DncEntryId ID = new DncEntryId(3, NUMBER);
    private static final DncNumberAdded ADDED =
            new DncNumberAdded(ID, 3, NUMBER, "acme", "asked", DncSource.MANUAL, null, null);

    private AggregateTestFixture<DncEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DncEntry.class);
    }

    @Test
    void aNumberIsAddedOnceRemovedAndAddedAgainFromACall() {
        fixture.givenNoPriorActivity()
                .when(new AddDncNumber(ID, "acme", "asked", DncSource.MANUAL, null, null))
                .expectEvents(ADDED);
        fixture.given(ADDED)
                .when(new AddDncNumber(ID, "acme", "again", DncSource.MANUAL, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ADDED).when(new RemoveDncNumber(ID)).expectEvents(new DncNumberRemoved(ID, 3, NUMBER, "acme"));
        fixture.given(ADDED, new DncNumberRemoved(ID, 3, NUMBER, "acme"))
                .when(new AddDncNumber(ID, "acme", "DNC result of call c1", DncSource.CALL_RESULT, 7L, "c1"))
                .expectEvents(new DncNumberAdded(
                        ID, 3, NUMBER, "acme", "DNC result of call c1", DncSource.CALL_RESULT, 7L, "c1"));
    }

    @Test
    void removingANumberNotOnTheListOrAddingABadOneIsRefused() {
        fixture.given(ADDED, new DncNumberRemoved(ID, 3, NUMBER, "acme"))
                .when(new RemoveDncNumber(ID))
                .expectNoEvents()
                .expectException(DncRuleException.class);
        setUp();
        fixture.givenNoPriorActivity()
                .when(new AddDncNumber(new DncEntryId(3, "2135551212"), "acme", null, DncSource.MANUAL, null, null))
                .expectNoEvents()
                .expectException(DncRuleException.class);
        setUp();
        fixture.given(ADDED)
                .when(new AddDncNumber(ID, "other", null, DncSource.MANUAL, null, null))
                .expectNoEvents()
                .expectException(DncRuleException.class);
    }

    /** UpdateDncNumber: puts an absent number on the list by hand, changes a listed one's reason, else nothing. */
    @Test
    void anUpdateListsTheNumberOrChangesItsReason() {
        fixture.givenNoPriorActivity()
                .when(new UpdateDncNumber(ID, "acme", "asked"))
                .expectEvents(ADDED);
        fixture.given(ADDED)
                .when(new UpdateDncNumber(ID, "acme", "asked twice"))
                .expectEvents(new DncNumberReasonChanged(ID, 3, NUMBER, "acme", "asked", "asked twice"));
        fixture.given(ADDED, new DncNumberReasonChanged(ID, 3, NUMBER, "acme", "asked", "asked twice"))
                .when(new UpdateDncNumber(ID, "acme", "asked twice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ADDED, new DncNumberRemoved(ID, 3, NUMBER, "acme"))
                .when(new UpdateDncNumber(ID, "acme", "asked"))
                .expectEvents(ADDED);
        fixture.given(ADDED)
                .when(new UpdateDncNumber(ID, "other", "mine"))
                .expectNoEvents()
                .expectException(DncRuleException.class);
        fixture.given(ADDED)
                .when(new UpdateDncNumber(ID, "acme", "x".repeat(501)))
                .expectNoEvents()
                .expectException(DncRuleException.class);
    }
}
