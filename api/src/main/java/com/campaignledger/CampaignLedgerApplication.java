package com.campaignledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Campaign Ledger service: REST in front, Axon and the relational event store behind. */
@SpringBootApplication
public class CampaignLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampaignLedgerApplication.class, args);
    }
}
