package com.campaignledger.registry.directory;

import java.util.List;

/** One page of agents or groups and how many match in all. */
public record RegistryPage<T>(List<T> content, long totalElements) {}
