package com.campaignledger.campaign.api;

/**
 * A live-answered call under the abandonment rule (FCC 47 CFR 64.1200(a)(7), SPEC 3.7): connected to an agent, or
 * dropped, with the safe-harbor message (CallFire's smart drop, SD) or without it (ABANDONED). The drop rate is
 * drops / (connected + drops). The names are stored by the compliance record: never renamed.
 */
public enum LiveAnswer {
    CONNECTED,
    DROPPED_WITH_MESSAGE,
    DROPPED_WITHOUT_MESSAGE;

    public boolean dropped() {
        return this != CONNECTED;
    }
}
