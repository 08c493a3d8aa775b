package com.campaignledger.testsupport;

import com.campaignledger.CampaignLedgerApplication;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Whole service instances on one PostgreSQL database, as several processes behind a load balancer would be. */
public final class ServiceInstances {

    private ServiceInstances() {}

    /**
     * Two instances in one JVM share a process id: each gets a node id of its own, as two processes would. A test
     * configuration, so the component scan of other test contexts leaves it out.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class NodeIdentity {

        @Bean
        TokenStore tokenStore(
                ConnectionProvider connections,
                Serializer serializer,
                TokenSchema schema,
                @Value("${test.node-id}") String nodeId) {
            return JdbcTokenStore.builder()
                    .connectionProvider(connections)
                    .schema(schema)
                    .serializer(serializer)
                    .nodeId(nodeId)
                    .build();
        }
    }

    /** An instance on {@code db}, on a random port, whose processors claim segments as {@code nodeId}. */
    public static ConfigurableApplicationContext start(PostgresTestDatabase.Database db, String nodeId) {
        return new SpringApplicationBuilder(CampaignLedgerApplication.class, NodeIdentity.class)
                .run(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--server.port=0",
                        "--test.node-id=" + nodeId,
                        "--spring.main.allow-bean-definition-overriding=true");
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
