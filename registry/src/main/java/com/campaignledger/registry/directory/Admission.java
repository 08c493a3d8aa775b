package com.campaignledger.registry.directory;

/** Whether a userId may call back and log in to a campaign, and if not, why. */
public enum Admission {
    /** The roster is empty (anyone may work the campaign) or the agent is on it and enabled. */
    ADMITTED,
    /** The registry agent with this userId is disabled. */
    DISABLED,
    /** The roster is not empty and the userId is not on it, directly or through a group. */
    NOT_ON_ROSTER
}
