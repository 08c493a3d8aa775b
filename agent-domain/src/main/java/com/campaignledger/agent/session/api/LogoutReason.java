package com.campaignledger.agent.session.api;

/** Why a session ended. */
public enum LogoutReason {
    /** The agent logged out. */
    LOGOUT,
    /** storeAgentResponse with lastCall. */
    LAST_CALL,
    /** kickAgent: hung up by the back office. */
    KICKED,
    /** The campaign finished: every number has its final result. */
    CAMPAIGN_FINISHED,
    /** The campaign was deleted or archived. */
    CAMPAIGN_CLOSED,
    /** The agent was taken off the campaign's roster or disabled. */
    REMOVED
}
