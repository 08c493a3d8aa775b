package com.campaignledger.architecture;

/** The package roots of each Maven module, as the architecture rules name them. */
final class Modules {

    static final String KERNEL = "com.campaignledger.kernel..";

    /** campaign.api (messages), campaign.command (the aggregate), campaign.billing. */
    static final String CAMPAIGN_DOMAIN = "com.campaignledger.campaign..";

    /** agent.session and agent.registry, each with its api (messages) and command (the aggregate). */
    static final String AGENT_DOMAIN = "com.campaignledger.agent..";

    static final String PROJECTIONS = "com.campaignledger.projections..";
    static final String DIALER = "com.campaignledger.dialer..";
    static final String NOTIFICATIONS = "com.campaignledger.notifications..";
    static final String EVENT_STORE = "com.campaignledger.eventstore..";
    static final String ACCOUNTS = "com.campaignledger.accounts..";
    static final String REGISTRY = "com.campaignledger.registry..";
    static final String OPERATIONS = "com.campaignledger.operations..";
    static final String DNC = "com.campaignledger.dnc..";

    /** The SOAP façade (JAX-WS on CXF) and the ports the application implements for it. */
    static final String SOAP = "com.campaignledger.soap..";

    /** The api module's packages that know HTTP: its web adapters, security, idempotency, configuration and the application class. */
    static final String[] API_HTTP = {
        "com.campaignledger",
        "com.campaignledger.web..",
        "com.campaignledger.security..",
        "com.campaignledger.idempotency..",
        "com.campaignledger.config.."
    };

    /** All of the api module's packages: those that know HTTP and the demo data. */
    static final String[] API = {
        "com.campaignledger",
        "com.campaignledger.web..",
        "com.campaignledger.security..",
        "com.campaignledger.idempotency..",
        "com.campaignledger.config..",
        "com.campaignledger.demo.."
    };

    private Modules() {}
}
