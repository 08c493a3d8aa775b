package com.campaignledger.notifications.api;

/** Seed 001's legacy postbacks: call-finished (account-wide or per campaign) and campaign-finished documents. */
public enum PostbackKind {
    CALL_FINISH,
    CAMPAIGN_FINISH
}
