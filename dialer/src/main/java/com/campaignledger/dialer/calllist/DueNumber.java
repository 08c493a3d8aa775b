package com.campaignledger.dialer.calllist;

import java.util.Map;

/** A number the dialer may call now: never called, or its retry time has come. */
public record DueNumber(String number, Map<String, String> extraData, int attempts) {}
