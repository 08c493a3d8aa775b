package com.campaignledger.campaign.api;

import java.util.List;

/** A named list of the answers (dispositions) an agent may record for a call (PredictiveService's Disposition). */
public record DispositionList(String name, List<String> dispositions) {

    public DispositionList {
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
    }
}
