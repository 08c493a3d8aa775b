package com.campaignledger.kernel;

/**
 * The metadata every command carries and every event it causes keeps (and the commands those cause after them):
 * who acted, for which account, under which request. Auditors read these keys in the event store itself.
 */
public final class MetadataKeys {

    /** The login of the credential (or the named background actor) that caused the event. */
    public static final String ACTOR = "actor";
    /** The account the command acts for; the aggregates refuse a command for another account's aggregate. */
    public static final String ACCOUNT_ID = "accountId";
    /** The request id (CallFire's RequestId, an Idempotency-Key, or X-Request-Id). */
    public static final String REQUEST_ID = "requestId";
    /** The id that ties the events of one business exchange together across requests (X-Correlation-Id). */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * The account the bootstrap admin belongs to, and the one every row written before accounts existed names;
     * the demo and other background actors act for it too.
     */
    public static final String DEFAULT_ACCOUNT = "default";

    private MetadataKeys() {}
}
