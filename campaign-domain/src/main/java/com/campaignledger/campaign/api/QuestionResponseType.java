package com.campaignledger.campaign.api;

/** How an agent answers a campaign question (CallFire's QuestionResponseType, spelled correctly). */
public enum QuestionResponseType {
    STRING,
    CHOICE,
    NUMERIC
}
