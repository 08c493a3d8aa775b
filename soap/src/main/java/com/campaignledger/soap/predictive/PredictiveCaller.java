package com.campaignledger.soap.predictive;

/**
 * Who calls a PredictiveService operation, once its {@code key} is authenticated: the key's account, the actor its
 * writes name ({@code key:<id>}) and the id of this request.
 */
public record PredictiveCaller(String accountId, String actor, String requestId) {}
