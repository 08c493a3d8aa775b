package com.campaignledger.projections.dashboard;

import com.campaignledger.projections.history.CampaignHistoryRepository;
import com.campaignledger.projections.history.HistoryEntries;
import com.campaignledger.projections.history.HistoryEntry;
import com.campaignledger.projections.history.HistoryQuery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A campaign's newest audit-trail entries, as GET /api/campaigns/{id}/history reads them, for a timeline. */
@Component
public class CampaignTimeline {

    private final CampaignHistoryRepository history;
    private final HistoryEntries entries;

    CampaignTimeline(CampaignHistoryRepository history, HistoryEntries entries) {
        this.history = history;
        this.entries = entries;
    }

    /** The campaign's newest {@code count} events (of it and its agent sessions), oldest first. */
    public List<HistoryEntry> newest(long campaignId, String accountId, int count) {
        long total = history.find(new HistoryQuery(campaignId, accountId, null, null, null, null, null, 0, 1))
                .totalElements();
        // The last page and the one before it hold the newest events, however the pages fall.
        int last = (int) Math.max(0, (total - 1) / count);
        List<HistoryEntry> newest = new ArrayList<>();
        for (int page = Math.max(0, last - 1); page <= last; page++) {
            history.rows(new HistoryQuery(campaignId, accountId, null, null, null, null, null, page, count))
                    .forEach(row -> newest.add(entries.of(row)));
        }
        return newest.subList(Math.max(0, newest.size() - count), newest.size());
    }
}
