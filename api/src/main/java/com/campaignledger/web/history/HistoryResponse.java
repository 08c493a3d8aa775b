package com.campaignledger.web.history;

import com.campaignledger.projections.history.HistoryEntry;
import java.util.List;

/**
 * One page of a campaign's audit trail. {@code nextAfter} is the position to pass as {@code after} for the next
 * page (null on the last page): paging by position stays cheap however deep the history is. As CSV: the page's
 * entries, one line each.
 */
record HistoryResponse(
        long campaignId,
        List<HistoryEntry> content,
        int page,
        int size,
        long totalElements,
        long totalPages,
        Long nextAfter)
        implements HistoryCsv {

    @Override
    public String csvFilename() {
        return "campaign-" + campaignId + "-history.csv";
    }
}
