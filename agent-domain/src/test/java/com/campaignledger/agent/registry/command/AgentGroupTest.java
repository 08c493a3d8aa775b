package com.campaignledger.agent.registry.command;

import com.campaignledger.agent.registry.api.AddAgentGroupMembersCommand;
import com.campaignledger.agent.registry.api.AgentGroupCreatedEvent;
import com.campaignledger.agent.registry.api.AgentGroupDeletedEvent;
import com.campaignledger.agent.registry.api.AgentGroupId;
import com.campaignledger.agent.registry.api.AgentGroupMemberRemovedEvent;
import com.campaignledger.agent.registry.api.AgentGroupMembersAddedEvent;
import com.campaignledger.agent.registry.api.AgentGroupRenamedEvent;
import com.campaignledger.agent.registry.api.CreateAgentGroupCommand;
import com.campaignledger.agent.registry.api.DeleteAgentGroupCommand;
import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.RegistryEntryNotFoundException;
import com.campaignledger.agent.registry.api.RegistryVersionMismatchException;
import com.campaignledger.agent.registry.api.RemoveAgentGroupMemberCommand;
import com.campaignledger.agent.registry.api.RenameAgentGroupCommand;
import java.util.List;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentGroupTest {

    private static final AgentGroupId ID = AgentGroupId.of(4);
    private static final AgentGroupCreatedEvent CREATED = new AgentGroupCreatedEvent(ID, "acme", "Team A");

    private FixtureConfiguration<AgentGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgentGroup.class);
    }

    @Test
    void createsAGroupWithItsFirstMembersOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgentGroupCommand(ID, "acme", "Team A", List.of(1L, 2L, 1L)))
                .expectEvents(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L, 2L)));
    }

    @Test
    void refusesAGroupWithoutNameOrWithABadMember() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgentGroupCommand(ID, "acme", " ", List.of()))
                .expectNoEvents()
                .expectException(InvalidRegistryEntryException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateAgentGroupCommand(ID, "acme", "Team A", List.of(1L, 0L)))
                .expectNoEvents()
                .expectException(InvalidRegistryEntryException.class);
    }

    @Test
    void renamesAndKeepsTheOldNameInTheEvent() {
        fixture.given(CREATED)
                .when(new RenameAgentGroupCommand(ID, "Team B", 1L))
                .expectEvents(new AgentGroupRenamedEvent(ID, "Team A", "Team B"))
                .expectResultMessagePayload(2L);
        fixture.given(CREATED)
                .when(new RenameAgentGroupCommand(ID, "Team A", null))
                .expectNoEvents();
    }

    @Test
    void aStaleRenameIsRefused() {
        fixture.given(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L)))
                .when(new RenameAgentGroupCommand(ID, "Team B", 1L))
                .expectNoEvents()
                .expectException(RegistryVersionMismatchException.class);
    }

    @Test
    void addsOnlyNewMembers() {
        fixture.given(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L)))
                .when(new AddAgentGroupMembersCommand(ID, List.of(1L, 3L), null))
                .expectEvents(new AgentGroupMembersAddedEvent(ID, List.of(3L)));
        fixture.given(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L)))
                .when(new AddAgentGroupMembersCommand(ID, List.of(1L), null))
                .expectNoEvents();
    }

    @Test
    void removesAMemberAndRefusesOneThatIsNotIn() {
        fixture.given(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L, 2L)))
                .when(new RemoveAgentGroupMemberCommand(ID, 2L, null))
                .expectEvents(new AgentGroupMemberRemovedEvent(ID, 2L));
        fixture.given(CREATED)
                .when(new RemoveAgentGroupMemberCommand(ID, 9L, null))
                .expectNoEvents()
                .expectException(RegistryEntryNotFoundException.class);
    }

    @Test
    void deletingKeepsTheHistoryAndEndsTheGroup() {
        fixture.given(CREATED, new AgentGroupMembersAddedEvent(ID, List.of(1L)))
                .when(new DeleteAgentGroupCommand(ID, 2L))
                .expectEvents(new AgentGroupDeletedEvent(ID, "Team A", List.of(1L)));
        fixture.given(CREATED, new AgentGroupDeletedEvent(ID, "Team A", List.of()))
                .when(new RenameAgentGroupCommand(ID, "Team B", null))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }
}
