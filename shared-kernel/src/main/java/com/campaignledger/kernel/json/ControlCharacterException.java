package com.campaignledger.kernel.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A string or field name of a request body with a character ControlCharacters refuses: a 400 naming the field. */
public class ControlCharacterException extends JsonParseException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public ControlCharacterException(JsonParser parser, String field, String reason) {
        super(parser, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
