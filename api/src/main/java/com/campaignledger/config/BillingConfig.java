package com.campaignledger.config;

import com.campaignledger.campaign.billing.BillingRule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one billing rule of the service: the summary and the campaign-finished postback price calls with it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
public class BillingConfig {

    @Bean
    public BillingRule billingRule(BillingProperties properties) {
        return properties.rule();
    }
}
