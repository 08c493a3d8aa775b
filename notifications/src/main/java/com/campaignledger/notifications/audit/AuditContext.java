package com.campaignledger.notifications.audit;

/** Who asks for a change, for which account, under which request: what every audit entry records. */
public record AuditContext(String accountId, String actor, String requestId, String correlationId) {}
