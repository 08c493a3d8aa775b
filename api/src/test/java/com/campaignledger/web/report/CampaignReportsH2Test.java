package com.campaignledger.web.report;

import org.springframework.boot.test.context.SpringBootTest;

/** The reports on the embedded database. The same settings as AgentApiTest, so the two share one Spring context. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.dialer.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:agents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
class CampaignReportsH2Test extends CampaignReportsContract {}
