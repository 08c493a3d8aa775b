package com.campaignledger.web;

/** A resource's version as an HTTP entity tag ({@code "7"}), and back from an If-Match header. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header demands, or {@code null} when there is none (or it is {@code *}).
     * Weak tags are accepted: the version is the same either way.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.contains(",")) {
            throw new PreconditionFailedException("If-Match must name one version of the resource, not a list");
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is no version of this resource");
        }
    }
}
