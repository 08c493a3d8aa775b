package com.campaignledger.campaign.command;

import com.campaignledger.campaign.api.AddRosterAgentGroupsCommand;
import com.campaignledger.campaign.api.AddRosterAgentsCommand;
import com.campaignledger.campaign.api.CampaignCreatedEvent;
import com.campaignledger.campaign.api.CampaignDeletedEvent;
import com.campaignledger.campaign.api.CampaignId;
import com.campaignledger.campaign.api.CampaignPatch;
import com.campaignledger.campaign.api.CampaignSettings;
import com.campaignledger.campaign.api.CampaignStatus;
import com.campaignledger.campaign.api.CampaignUpdatedEvent;
import com.campaignledger.campaign.api.CreateCampaignCommand;
import com.campaignledger.campaign.api.FieldChange;
import com.campaignledger.campaign.api.InvalidCampaignException;
import com.campaignledger.campaign.api.NotOnRosterException;
import com.campaignledger.campaign.api.RemoveRosterAgentCommand;
import com.campaignledger.campaign.api.RemoveRosterAgentGroupCommand;
import com.campaignledger.campaign.api.RosterAgentGroupRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentGroupsAddedEvent;
import com.campaignledger.campaign.api.RosterAgentRemovedEvent;
import com.campaignledger.campaign.api.RosterAgentsAddedEvent;
import com.campaignledger.campaign.api.UpdateCampaignCommand;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roster rules of the campaign: who may work it, and the campaign's own agent group always on it. */
class CampaignRosterTest {

    private static final CampaignId ID = CampaignId.of(12);
    private static final CampaignSettings PLAIN = CampaignSettings.named("Roster");
    private static final CampaignSettings STAFFED =
            PLAIN.with(CampaignPatch.of(Map.of("agentGroupId", 5L, "agentGroupName", "Team A")));

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void theCampaignsAgentGroupJoinsTheRosterAtCreation() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaignCommand(ID, "acme", STAFFED, List.of()))
                .expectEvents(
                        new CampaignCreatedEvent(ID, "acme", STAFFED),
                        new RosterAgentGroupsAddedEvent(ID, List.of(5L)));
    }

    @Test
    void aNewAgentGroupIdJoinsTheRosterOnUpdate() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN))
                .when(new UpdateCampaignCommand(
                        ID, CampaignPatch.of(Map.of("agentGroupId", 5L, "agentGroupName", "Team A")), 1L))
                .expectEvents(
                        new CampaignUpdatedEvent(
                                ID,
                                STAFFED,
                                List.of(
                                        new FieldChange("agentGroupId", null, 5L),
                                        new FieldChange("agentGroupName", null, "Team A"))),
                        new RosterAgentGroupsAddedEvent(ID, List.of(5L)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCampaignFromBeforeRostersKeepsItsOldAgentGroupIdOffTheRoster() {
        CampaignSettings scripted = STAFFED.with(CampaignPatch.of(Map.of("script", "Hi")));
        fixture.given(new CampaignCreatedEvent(ID, "acme", STAFFED))
                .when(new UpdateCampaignCommand(ID, CampaignPatch.of(Map.of("script", "Hi")), 1L))
                .expectEvents(new CampaignUpdatedEvent(ID, scripted, List.of(new FieldChange("script", null, "Hi"))));
    }

    @Test
    void addsOnlyAgentsNotOnTheRosterAndLeavesTheRevisionAlone() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN), new RosterAgentsAddedEvent(ID, List.of(1L)))
                .when(new AddRosterAgentsCommand(ID, List.of(1L, 2L, 2L)))
                .expectEvents(new RosterAgentsAddedEvent(ID, List.of(2L)));
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN), new RosterAgentsAddedEvent(ID, List.of(1L)))
                .when(new AddRosterAgentsCommand(ID, List.of(1L)))
                .expectNoEvents();
        // Roster events do not change what GET shows: an If-Match on revision 1 still holds.
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN), new RosterAgentsAddedEvent(ID, List.of(1L)))
                .when(new UpdateCampaignCommand(ID, CampaignPatch.of(Map.of("script", "Hi")), 1L))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnEmptyOrInvalidList() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN))
                .when(new AddRosterAgentGroupsCommand(ID, List.of()))
                .expectNoEvents()
                .expectException(InvalidCampaignException.class);
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN))
                .when(new AddRosterAgentsCommand(ID, List.of(0L)))
                .expectNoEvents()
                .expectException(InvalidCampaignException.class);
    }

    @Test
    void removesAnAgentAndRefusesOneNotOnTheRoster() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN), new RosterAgentsAddedEvent(ID, List.of(1L)))
                .when(new RemoveRosterAgentCommand(ID, 1L))
                .expectEvents(new RosterAgentRemovedEvent(ID, 1L));
        fixture.given(
                        new CampaignCreatedEvent(ID, "acme", PLAIN),
                        new RosterAgentsAddedEvent(ID, List.of(1L)),
                        new RosterAgentRemovedEvent(ID, 1L))
                .when(new RemoveRosterAgentCommand(ID, 1L))
                .expectNoEvents()
                .expectException(NotOnRosterException.class);
    }

    @Test
    void removingTheCampaignsOwnGroupClearsAgentGroupId() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", STAFFED), new RosterAgentGroupsAddedEvent(ID, List.of(5L)))
                .when(new RemoveRosterAgentGroupCommand(ID, 5L))
                .expectEvents(
                        new CampaignUpdatedEvent(
                                ID,
                                PLAIN,
                                List.of(
                                        new FieldChange("agentGroupId", 5L, null),
                                        new FieldChange("agentGroupName", "Team A", null))),
                        new RosterAgentGroupRemovedEvent(ID, 5L));
    }

    @Test
    void removingAnotherGroupLeavesTheSettingsAlone() {
        fixture.given(
                        new CampaignCreatedEvent(ID, "acme", STAFFED),
                        new RosterAgentGroupsAddedEvent(ID, List.of(5L, 6L)))
                .when(new RemoveRosterAgentGroupCommand(ID, 6L))
                .expectEvents(new RosterAgentGroupRemovedEvent(ID, 6L));
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN))
                .when(new RemoveRosterAgentGroupCommand(ID, 6L))
                .expectNoEvents()
                .expectException(NotOnRosterException.class);
    }

    @Test
    void aDeletedCampaignHasNoRosterToChange() {
        fixture.given(new CampaignCreatedEvent(ID, "acme", PLAIN), new CampaignDeletedEvent(ID, CampaignStatus.SETUP))
                .when(new AddRosterAgentsCommand(ID, List.of(1L)))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }
}
