package com.campaignledger.soap.predictive;

import java.util.List;

/** PredictiveService's campaign operations, as the application implements them with the REST rows' commands. */
public interface PredictiveCampaigns {

    /** A disposition list of createCallCenterConnectCampaign: its name and the answers an agent may record. */
    record Dispositions(String name, List<String> dispositions) {}

    /**
     * createCallCenterConnectCampaign(WithAM): a campaign with its caller id, name, agents' passcode, disposition lists
     * and numbers, and the answering-machine sound ({@code null} without one).
     */
    record NewCampaign(
            String name,
            String callerId,
            String passcode,
            List<Dispositions> dispositionLists,
            List<String> numbers,
            Long answeringMachineSoundId) {}

    /** Creates the campaign; its id. */
    long create(PredictiveCaller caller, NewCampaign campaign);

    /** updateRatio: the lines dialled per ready agent. */
    void updateRatio(PredictiveCaller caller, long campaignId, double ratio);
}
