package com.campaignledger.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.campaignledger.testsupport.PostgresTestDatabase;
import com.campaignledger.testsupport.RequiresPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dialable list on PostgreSQL: FOR UPDATE SKIP LOCKED is what keeps concurrent claims apart. */
@RequiresPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadsPostgresTest extends LeadsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.shared();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A big upload brings the planner's statistics of the call list up to date at once (not a minute later, when
     * autoanalyze comes by), so the claims of a big new campaign read the claim index from the first one.
     */
    @Test
    void aBigUploadIsAnalyzedAtOnce() {
        Timestamp before = jdbc.queryForObject("SELECT now()", Timestamp.class);
        running("", 5_000, "213564");
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'dialer_number'",
                                Timestamp.class),
                        analyzed -> analyzed != null && !analyzed.before(before));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dialer_number WHERE number LIKE '+1213564%'", Long.class))
                .isEqualTo(5_000);
    }
}
