package com.campaignledger.web;

import com.campaignledger.campaign.api.Violation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;

/** Turns Jackson's complaints about a request body into a field path and a message an integrator understands. */
public final class JsonErrors {

    private JsonErrors() {}

    public static Violation violation(JsonMappingException e) {
        return violation("", e);
    }

    /** The violation, with {@code prefix} (a field the value was read for) in front of Jackson's path. */
    public static Violation violation(String prefix, JsonMappingException e) {
        String path = prefix + path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new Violation(path, "is not a known field");
        }
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new Violation(
                    path,
                    "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Violation(path, "must be " + describe(mismatch.getTargetType()));
        }
        return new Violation(path, "has an invalid value");
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of the type looks like, in words ("an ISO-8601 instant such as …", not "a Instant"). */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.LocalTime.class) {
            return "a time of day such as 09:00";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-03-24T15:58:18Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 2026-03-24";
        }
        if (type == java.util.UUID.class) {
            return "a UUID such as 3f2b8c1e-0d4a-4e55-9f4e-1a2b3c4d5e6f";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT30S";
        }
        return "an object";
    }
}
