package com.campaignledger.web.notification;

import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The notification contract on PostgreSQL, where workers claim with FOR UPDATE SKIP LOCKED. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = NotificationContract.TEST_PROPERTIES)
class NotificationPostgresTest extends NotificationContract {

    private static PostgresTestDatabase.Database db;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // A database of its own: the campaign contract's event counts must not see notification decisions.
        registry.add("spring.datasource.url", () -> database().url());
        registry.add("spring.datasource.username", () -> database().user());
        registry.add("spring.datasource.password", () -> database().password());
    }

    private static synchronized PostgresTestDatabase.Database database() {
        if (db == null) {
            db = PostgresTestDatabase.fresh("notifications");
        }
        return db;
    }
}
