package com.campaignledger.projections.agentsession;

/**
 * A campaign's agents now: logged in (waiting, on a call or entering a response), of them ready (waiting for a
 * call) and on a call.
 */
public record AgentCounts(long loggedIn, long ready, long onCall) {}
