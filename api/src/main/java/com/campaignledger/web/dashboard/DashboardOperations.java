package com.campaignledger.web.dashboard;

import com.campaignledger.notifications.delivery.DeliveryService;
import com.campaignledger.notifications.outbox.AccountDelivery;
import com.campaignledger.operations.deadletters.DeadLetters;
import com.campaignledger.operations.processors.ProcessorReplays;
import com.campaignledger.operations.processors.ProcessorStatus;
import com.campaignledger.projections.dashboard.DashboardFeed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard's operations view as pushed to ADMIN pages: the processors with their lag and replays, the dead
 * letters, and every account's failing deliveries (ADMIN credentials administer the whole service); the same as GET /dashboard/admin/processors, /dead-letters and
 * /deliveries.
 */
@Component
class DashboardOperations implements DashboardFeed.Operations {

    /** The failing deliveries the view lists. */
    static final int FAILING_DELIVERIES_SHOWN = 50;

    record View(
            List<ProcessorStatus> processors,
            List<DeadLetters.Sequence> deadLetters,
            List<AccountDelivery> deliveries) {}

    private final ProcessorReplays replays;
    private final DeadLetters deadLetters;
    private final DeliveryService deliveries;

    DashboardOperations(ProcessorReplays replays, DeadLetters deadLetters, DeliveryService deliveries) {
        this.replays = replays;
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
    }

    @Override
    public DashboardFeed.Reading read(Instant now) {
        List<ProcessorStatus> processors = replays.list();
        View view = new View(
                processors,
                deadLetters.list(Optional.empty()),
                deliveries.failingInEveryAccount(FAILING_DELIVERIES_SHOWN));
        // A replay's progress moves without its token moving (a set-based one) and is measured in time: read it
        // at every look while it runs.
        return new DashboardFeed.Reading(view, processors.stream().anyMatch(p -> p.replay() != null));
    }
}
