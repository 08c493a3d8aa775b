package com.campaignledger.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;

/** Reads meters out of the Prometheus scrape at /actuator/prometheus, as an operator's scraper would. */
public final class Metrics {

    private Metrics() {}

    public static String scrape(ApiClient api) {
        ApiClient.Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample of the meter carrying every given label (e.g. {@code outcome="DEAD"}). */
    public static double value(String scrape, String meter, String... labels) {
        return find(scrape, meter, labels)
                .orElseThrow(() -> new AssertionError(
                        meter + " " + Arrays.toString(labels) + " is not in the scrape:\n" + scrape));
    }

    public static double valueOrZero(String scrape, String meter, String... labels) {
        return find(scrape, meter, labels).orElse(0.0);
    }

    private static Optional<Double> find(String scrape, String meter, String... labels) {
        return scrape.lines()
                .filter(l -> l.startsWith(meter + "{") || l.startsWith(meter + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
