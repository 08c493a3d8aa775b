package com.campaignledger.web.notification;

import com.campaignledger.CampaignLedgerApplication;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole service instances for tests that stop one or run two: the contract's notification settings, a random port. */
final class TestInstances {

    private TestInstances() {}

    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>();
        Properties test = new Properties();
        try {
            test.load(new StringReader(NotificationContract.TEST_PROPERTIES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        test.forEach((k, v) -> all.put(String.valueOf(k), v));
        all.putAll(settings);
        all.put("server.port", "0");
        // As command-line arguments: they outrank application.yml (PORT) and application-postgres.yml.
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CampaignLedgerApplication.class).run(args);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
