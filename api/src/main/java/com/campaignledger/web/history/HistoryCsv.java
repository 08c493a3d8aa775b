package com.campaignledger.web.history;

import com.campaignledger.projections.history.HistoryCsvRow;
import com.campaignledger.projections.history.HistoryEntry;
import com.campaignledger.web.CsvTable;
import java.util.List;
import java.util.stream.Stream;

/** A page of audit-trail entries that exports as CSV, one line per entry. */
interface HistoryCsv extends CsvTable<HistoryCsvRow> {

    List<HistoryEntry> content();

    @Override
    default Class<HistoryCsvRow> csvRowType() {
        return HistoryCsvRow.class;
    }

    @Override
    default Stream<HistoryCsvRow> csvRows() {
        return content().stream().map(HistoryCsvRow::of);
    }
}
