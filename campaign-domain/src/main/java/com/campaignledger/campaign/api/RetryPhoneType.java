package com.campaignledger.campaign.api;

/** Which of a contact's phones a retry calls (CallFire's RetryPhoneType). */
public enum RetryPhoneType {
    FIRST_NUMBER,
    HOME_PHONE,
    WORK_PHONE,
    MOBILE_PHONE
}
