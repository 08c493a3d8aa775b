package com.campaignledger.web;

import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bad-input walk on PostgreSQL, where a control character that got through would fail below the service
 * (NUL cannot be stored in text) instead of being refused. A database of its own: the walk compares row counts.
 */
@RequiresPostgres
@ActiveProfiles("postgres")
class BadInputPostgresTest extends BadInputTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.fresh("badinput");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
