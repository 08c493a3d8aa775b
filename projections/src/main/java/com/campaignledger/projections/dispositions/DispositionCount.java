package com.campaignledger.projections.dispositions;

import java.time.Instant;

/** How many times one disposition was recorded on a campaign within one hour (UTC, the hour's start). */
public record DispositionCount(Instant hour, DispositionKind kind, String disposition, long count) {}
