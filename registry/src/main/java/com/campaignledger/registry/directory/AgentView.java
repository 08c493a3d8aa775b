package com.campaignledger.registry.directory;

import java.util.List;

/** A registry agent as GET shows it; {@code version} is its ETag. */
public record AgentView(
        long id,
        String name,
        String userId,
        String email,
        String phoneNumber,
        boolean enabled,
        List<Long> groupIds,
        long version) {}
