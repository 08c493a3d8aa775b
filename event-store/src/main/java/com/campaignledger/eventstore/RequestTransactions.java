package com.campaignledger.eventstore;

/**
 * The one setting that turns request transactions on ({@code ledger.request-transaction.max-concurrent} above 0), for
 * every bean whose wiring depends on it: the web filter, Axon's transaction manager, lock factory and connection
 * provider, the idempotent command's savepoint. One placeholder, so their fallback can never disagree.
 */
public final class RequestTransactions {

    /** How many requests at once run in one transaction; 0 turns it off. The default is application.yml's. */
    public static final String MAX_CONCURRENT = "${ledger.request-transaction.max-concurrent:10}";

    private RequestTransactions() {}
}
