package com.campaignledger.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The wall clock, for everything that schedules or stamps infrastructure work (deliveries, audit rows,
 * idempotency records). The call flow (agents, dialed calls) reads the simulation clock instead, which is
 * the same clock unless ledger.dialer.time-scale speeds it up for a demo.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    @Primary
    public Clock clock() {
        return Clock.systemUTC();
    }
}
