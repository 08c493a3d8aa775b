package com.campaignledger.projections.testsupport;

import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * An empty in-memory H2 database in PostgreSQL mode (as the service runs it) with this module's migrations
 * applied, in the order Flyway applies them: projection tests feed events to a projection and read its tables.
 */
public final class ReadModelDatabase {

    private ReadModelDatabase() {}

    public static JdbcTemplate create(String... migrations) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                true);
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (String migration : migrations) {
            populator.addScript(new ClassPathResource("db/migration/" + migration));
        }
        populator.execute(dataSource);
        return new JdbcTemplate(dataSource);
    }
}
