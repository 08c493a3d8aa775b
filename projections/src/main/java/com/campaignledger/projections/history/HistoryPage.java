package com.campaignledger.projections.history;

import java.util.List;

/** One page of a campaign's history, with the number of events the filters match. */
public record HistoryPage(List<HistoryRecord> content, int page, int size, long totalElements) {}
