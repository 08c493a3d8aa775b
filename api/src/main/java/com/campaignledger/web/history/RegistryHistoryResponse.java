package com.campaignledger.web.history;

import com.campaignledger.projections.history.HistoryEntry;
import java.util.List;

/** One page of an agent's or agent group's history, oldest first. As CSV: the page's entries, one line each. */
record RegistryHistoryResponse(
        long id, String aggregate, List<HistoryEntry> content, int page, int size, long totalElements, long totalPages)
        implements HistoryCsv {

    @Override
    public String csvFilename() {
        return aggregate + "-history.csv";
    }
}
