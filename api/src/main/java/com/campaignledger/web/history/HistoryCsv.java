package com.campaignledger.web.history;

import com.campaignledger.web.CsvTable;
import java.util.List;

/** A page of audit-trail entries that exports as CSV, one line per entry. */
interface HistoryCsv extends CsvTable<HistoryCsvRow> {

    List<HistoryEntry> content();

    @Override
    default Class<HistoryCsvRow> csvRowType() {
        return HistoryCsvRow.class;
    }

    @Override
    default List<HistoryCsvRow> csvRows() {
        return content().stream().map(HistoryCsvRow::of).toList();
    }
}
