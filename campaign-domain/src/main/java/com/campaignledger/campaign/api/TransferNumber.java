package com.campaignledger.campaign.api;

/** A number an agent may transfer a call to; {@code number} is E.164. Assisted transfer is off unless asked for. */
public record TransferNumber(String name, String number, Boolean allowAssistedTransfer) {

    public TransferNumber {
        allowAssistedTransfer = allowAssistedTransfer != null && allowAssistedTransfer;
    }
}
