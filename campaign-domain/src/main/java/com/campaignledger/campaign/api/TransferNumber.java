package com.campaignledger.campaign.api;

/** A number an agent may transfer a call to; {@code number} is E.164. */
public record TransferNumber(String name, String number, boolean allowAssistedTransfer) {
}
