package com.campaignledger.web.notification;

import com.campaignledger.notifications.audit.AuditContext;
import com.campaignledger.web.RequestContext;

/** The audit context of a request: its account, actor, request id and correlation id. */
final class Audits {

    private Audits() {}

    static AuditContext of(RequestContext context) {
        return new AuditContext(context.accountId(), context.actor(), context.requestId(), context.correlationId());
    }
}
