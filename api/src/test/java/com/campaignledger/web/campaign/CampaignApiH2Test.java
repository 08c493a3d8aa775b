package com.campaignledger.web.campaign;

import org.springframework.boot.test.context.SpringBootTest;

/** The campaign contract on the embedded default (H2 in PostgreSQL mode). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class CampaignApiH2Test extends CampaignApiContract {}
