package com.campaignledger.campaign.api;

import java.util.List;

/** A question the agent answers on each call; {@code choices} are the allowed answers of a CHOICE question. */
public record Question(String label, QuestionResponseType responseType, List<String> choices) {

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
