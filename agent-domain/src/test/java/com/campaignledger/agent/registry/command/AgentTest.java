package com.campaignledger.agent.registry.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.agent.registry.api.AgentDetails;
import com.campaignledger.agent.registry.api.AgentDisabledEvent;
import com.campaignledger.agent.registry.api.AgentEnabledEvent;
import com.campaignledger.agent.registry.api.AgentId;
import com.campaignledger.agent.registry.api.AgentInvitedEvent;
import com.campaignledger.agent.registry.api.AgentRegisteredEvent;
import com.campaignledger.agent.registry.api.AgentUpdatedEvent;
import com.campaignledger.agent.registry.api.DisableAgentCommand;
import com.campaignledger.agent.registry.api.InvalidRegistryEntryException;
import com.campaignledger.agent.registry.api.InviteAgentCommand;
import com.campaignledger.agent.registry.api.RegisterAgentCommand;
import com.campaignledger.agent.registry.api.RegistryConflictException;
import com.campaignledger.agent.registry.api.RegistryFieldChange;
import com.campaignledger.agent.registry.api.RegistryVersionMismatchException;
import com.campaignledger.agent.registry.api.UpdateAgentCommand;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentTest {

    private static final AgentId ID = AgentId.of(7);
    private static final AgentDetails ANN =
            new AgentDetails("Ann", "ann@example.com", "ann@example.com", "+16465550101");
    private static final AgentRegisteredEvent REGISTERED = new AgentRegisteredEvent(ID, "acme", ANN);

    private FixtureConfiguration<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void registersAnEnabledAgent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgentCommand(ID, "acme", ANN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void registersADisabledAgentWhenAskedTo() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgentCommand(ID, "acme", ANN, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED, new AgentDisabledEvent(ID));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | ann     | NULL          | NULL         | name",
                "' '  | ann     | NULL          | NULL         | name",
                "Ann  | NULL    | NULL          | NULL         | userId",
                "Ann  | ann     | not-an-email  | NULL         | email",
                "Ann  | ann     | NULL          | 2135551212   | phoneNumber"
            })
    void refusesInvalidDetails(String name, String userId, String email, String phone, String field) {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgentCommand(ID, "acme", new AgentDetails(name, userId, email, phone)))
                .expectNoEvents()
                .expectException(InvalidRegistryEntryException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith(field + " "));
    }

    @Test
    void refusesAnOverLongName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAgentCommand(ID, "acme", new AgentDetails("x".repeat(201), "ann", null, null)))
                .expectNoEvents()
                .expectException(InvalidRegistryEntryException.class);
    }

    @Test
    void updatesOnlyTheFieldsSentAndNamesEachChange() {
        AgentDetails sent = new AgentDetails(null, "ann.smith@example.com", null, null);
        fixture.given(REGISTERED)
                .when(new UpdateAgentCommand(ID, sent, Set.of("userId", "phoneNumber"), null, 1L))
                .expectEvents(new AgentUpdatedEvent(
                        ID,
                        new AgentDetails("Ann", "ann.smith@example.com", "ann@example.com", null),
                        List.of(
                                new RegistryFieldChange("userId", "ann@example.com", "ann.smith@example.com"),
                                new RegistryFieldChange("phoneNumber", "+16465550101", null))))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateAgentCommand(ID, ANN, Set.of("name", "userId"), true, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(REGISTERED, new AgentDisabledEvent(ID))
                .when(new UpdateAgentCommand(ID, ANN, Set.of("name"), null, 1L))
                .expectNoEvents()
                .expectException(RegistryVersionMismatchException.class);
    }

    @Test
    void disablingKeepsTheAgentAndIsIdempotent() {
        fixture.given(REGISTERED)
                .when(new DisableAgentCommand(ID, null))
                .expectEvents(new AgentDisabledEvent(ID))
                .expectResultMessagePayload(2L);
        fixture.given(REGISTERED, new AgentDisabledEvent(ID))
                .when(new DisableAgentCommand(ID, null))
                .expectNoEvents();
    }

    @Test
    void aDisabledAgentCanBeEnabledAgain() {
        fixture.given(REGISTERED, new AgentDisabledEvent(ID))
                .when(new UpdateAgentCommand(ID, ANN, Set.of(), true, 2L))
                .expectEvents(new AgentEnabledEvent(ID))
                .expectResultMessagePayload(3L);
    }

    @Test
    void invitesAnEnabledAgentOnly() {
        Instant expires = Instant.parse("2026-12-01T00:00:00Z");
        fixture.given(REGISTERED)
                .when(new InviteAgentCommand(ID, 3, "invite-1", expires))
                .expectEvents(new AgentInvitedEvent(ID, 3, "invite-1", expires));
        fixture.given(REGISTERED, new AgentDisabledEvent(ID))
                .when(new InviteAgentCommand(ID, 3, "invite-2", expires))
                .expectNoEvents()
                .expectException(RegistryConflictException.class);
    }

    @Test
    void anInviteLeavesTheVersionAlone() {
        fixture.given(REGISTERED, new AgentInvitedEvent(ID, 3, "invite-1", Instant.parse("2026-12-01T00:00:00Z")))
                .when(new DisableAgentCommand(ID, 1L))
                .expectEvents(new AgentDisabledEvent(ID));
    }

    @Test
    void onlyKnownFieldsCanBeUpdated() {
        fixture.given(REGISTERED)
                .when(new UpdateAgentCommand(ID, ANN, Set.of("accountId"), null, null))
                .expectNoEvents()
                .expectException(InvalidRegistryEntryException.class);
        assertThat(new AgentId(7).toString()).isEqualTo("agent-7");
    }
}
