package com.campaignledger.registry.directory;

import java.util.List;

/** An agent group as GET shows it; {@code version} is its ETag. */
public record AgentGroupView(long id, String name, List<Long> agentIds, long version) {}
