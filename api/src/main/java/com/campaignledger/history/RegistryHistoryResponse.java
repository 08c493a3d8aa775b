package com.campaignledger.history;

import com.campaignledger.web.CsvTable;

import java.util.List;

/** One page of an agent's or agent group's history, oldest first. As CSV: the page's entries, one line each. */
record RegistryHistoryResponse(long id, String aggregate, List<HistoryEntry> content, int page, int size,
                               long totalElements, long totalPages) implements CsvTable<HistoryCsvRow> {

    @Override
    public Class<HistoryCsvRow> csvRowType() {
        return HistoryCsvRow.class;
    }

    @Override
    public List<HistoryCsvRow> csvRows() {
        return content.stream().map(HistoryCsvRow::of).toList();
    }

    @Override
    public String csvFilename() {
        return aggregate + "-history.csv";
    }
}
