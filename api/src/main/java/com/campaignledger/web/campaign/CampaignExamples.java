package com.campaignledger.web.campaign;

/** Example bodies for the OpenAPI document, taken from seed 000. */
final class CampaignExamples {

    static final String SEED_000 = """
            {"name": "Test Broadcast Service (text to speech)",
             "fromNumber": "9206596476",
             "retryConfig": {"maxAttempts": 3, "minutesBetweenAttempts": 5, "retryResults": ["BUSY", "NO_ANS"]},
             "transferNumbers": [{"number": "2135551212"}]}""";

    static final String PATCH = """
            {"script": "Hello, this is the Test Broadcast Service.", "localRestrictBegin": "09:00",
             "localRestrictEnd": "20:00", "labels": ["spring"]}""";

    static final String NUMBERS = """
            [{"number": "+1 (213) 555-1212", "extraData": {"name": "Alice"}}, {"number": "3105550100"}]""";

    private CampaignExamples() {}
}
