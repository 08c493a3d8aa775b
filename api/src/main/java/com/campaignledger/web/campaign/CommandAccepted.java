package com.campaignledger.web.campaign;

/** What a command on a campaign answers: the campaign and its version after the command (also the ETag). */
public record CommandAccepted(long id, long version) {}
