package com.campaignledger.campaign.api;

/**
 * A change to a setting made of parts ({@code retryConfig}) that names only some of them: applied to the setting's value
 * when the command runs, in the aggregate, so that an update of {@code maxAttempts} keeps the
 * {@code minutesBetweenAttempts} and {@code retryResults} the campaign has at that moment (RFC 7396 for nested
 * objects), and two clients changing different parts do not undo each other.
 */
@FunctionalInterface
public interface SettingMerge {

    /** The setting's new value, from its value now. */
    Object mergeInto(Object current);
}
