package com.campaignledger.web.agentsession;

import com.campaignledger.projections.agentsession.AgentSessionStatistics;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** What the agent session endpoints answer; each is also a table for the CSV export. */
final class AgentSessionResponses {

    private AgentSessionResponses() {}

    /** A campaign's sessions: a JSON array, as getAgentStats answers. */
    record SessionList(
            @JsonValue List<AgentSessionStatistics> rows,
            @JsonIgnore String csvFilename) implements AgentSessionTable {}

    /** One session: a JSON object. */
    record OneSession(@JsonValue AgentSessionStatistics session) implements AgentSessionTable {

        @Override
        public String csvFilename() {
            return "agent-session-" + session.id() + ".csv";
        }

        @Override
        @JsonIgnore
        public List<AgentSessionStatistics> rows() {
            return List.of(session);
        }
    }

    /** One page of sessions, with the totals a client needs to page on. */
    record SessionPage(List<AgentSessionStatistics> content, int page, int size, long totalElements, long totalPages)
            implements AgentSessionTable {

        @Override
        @JsonIgnore
        public List<AgentSessionStatistics> rows() {
            return content;
        }
    }
}
