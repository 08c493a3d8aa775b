package com.campaignledger.web.agentsession;

/** A request on an invite token names another agent than the token's (a 403). */
class InviteTokenMismatchException extends RuntimeException {

    InviteTokenMismatchException(String message) {
        super(message);
    }
}
