package com.campaignledger.projections.dashboard;

import java.time.Instant;
import java.util.List;

/** An account's campaigns as the dashboard shows them, read from the read models at {@code readAt}. */
public record DashboardSnapshot(Instant readAt, List<CampaignFigures> campaigns) {}
