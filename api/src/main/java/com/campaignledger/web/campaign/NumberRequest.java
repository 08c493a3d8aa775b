package com.campaignledger.web.campaign;

import java.util.Map;

/** One number of an upload, as integrators send it: any of the accepted spellings, and optional extra data. */
public record NumberRequest(String number, Map<String, String> extraData) {}
