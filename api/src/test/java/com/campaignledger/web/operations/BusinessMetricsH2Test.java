package com.campaignledger.web.operations;

import org.springframework.boot.test.context.SpringBootTest;

/** The business meters and the dashboard on the embedded default (H2 in PostgreSQL mode). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:business-metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "ledger.dialer.enabled=false",
            "ledger.metrics.refresh=200ms"
        })
class BusinessMetricsH2Test extends BusinessMetricsContract {}
