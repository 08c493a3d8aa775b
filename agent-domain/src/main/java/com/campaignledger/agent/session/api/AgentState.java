package com.campaignledger.agent.session.api;

/** Where an agent is in seed 003's loop: called back, waiting for a call, talking, entering the response, gone. */
public enum AgentState {
    CALLBACK_SENT,
    READY,
    ON_CALL,
    WRAP_UP,
    LOGGED_OUT
}
