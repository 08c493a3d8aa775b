package com.campaignledger.kernel.json;

import com.campaignledger.kernel.ControlCharacters;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The REST API's JSON parsers refuse every string and field name with a control character (ControlCharacters), as they
 * read it, naming the field: whatever a request body is read into (a record, a map, a tree), nothing downstream ever
 * sees one. Only the REST API's mapper uses it; Axon's mapper for stored events reads what was stored.
 */
public class ControlCharacterCheckingJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    public ControlCharacterCheckingJsonFactory() {
        super();
    }

    private ControlCharacterCheckingJsonFactory(ControlCharacterCheckingJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new ControlCharacterCheckingJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new Checking(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Checking(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new Checking(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new Checking(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new Checking(super._createParser(input, context));
    }

    /** Looks at every string and field name the moment the parser moves onto it. */
    static final class Checking extends JsonParserDelegate {

        Checking(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(super.nextValue());
        }

        @Override
        public String nextFieldName() throws IOException {
            String name = super.nextFieldName();
            checked(currentToken());
            return name;
        }

        @Override
        public boolean nextFieldName(SerializableString expected) throws IOException {
            boolean matches = super.nextFieldName(expected);
            checked(currentToken());
            return matches;
        }

        @Override
        public String nextTextValue() throws IOException {
            String text = super.nextTextValue();
            checked(currentToken());
            return text;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            int value = super.nextIntValue(defaultValue);
            checked(currentToken());
            return value;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            long value = super.nextLongValue(defaultValue);
            checked(currentToken());
            return value;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            Boolean value = super.nextBooleanValue();
            checked(currentToken());
            return value;
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                String text = token == JsonToken.FIELD_NAME ? currentName() : getText();
                if (ControlCharacters.refused(text)) {
                    throw new ControlCharacterException(
                            this, field(getParsingContext()), ControlCharacters.problem(text));
                }
            }
            return token;
        }

        /** {@code retryConfig.retryResults[1]}, as the other field errors name a field. */
        static String field(JsonStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.getCurrentName() != null) {
                    parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
                } else if (c.inArray()) {
                    parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
                }
            }
            String path = String.join("", parts);
            return path.isEmpty() ? "body" : path;
        }
    }
}
