package com.campaignledger.projections.agentsession;

import java.util.List;

/** One page of agent sessions and how many there are in all. */
public record AgentSessionPage(List<AgentSessionView> content, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
