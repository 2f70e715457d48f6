package io.konggitops.kong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of an Admin API listing ({@code {"data": [...], "offset": ..., "next": ...}}), read straight from the
 * response stream: each element of {@code data} becomes a {@link KongEntity} as it is parsed, with no text copy of
 * the body and no intermediate tree. Elements that are not objects are skipped; the other fields are ignored.
 *
 * @param data   the entities of the page, in Kong's order
 * @param shape  whether the page had a {@code data} list (the pager refuses a page without one)
 * @param offset the {@code offset} field as text (a number as its integral value), null when absent, null or empty
 * @param next   the {@code next} link, null when absent or not a string
 */
record ListingPage(List<KongEntity> data, Shape shape, String offset, String next) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** What {@code data} was. */
    enum Shape { LIST, NULL, MISSING, NOT_A_LIST }

    /**
     * Parses a page of {@code type} entities.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the body is not JSON or its top level is not an
     *                                                            object
     * @throws IOException when reading the body fails
     */
    static ListingPage read(InputStream body, EntityType type) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) return new ListingPage(List.of(), Shape.MISSING, null, null);
            if (first != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the top level is " + first + ", not an object");
            }
            List<KongEntity> data = List.of();
            Shape shape = Shape.MISSING;
            String offset = null;
            String next = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "data" -> {
                        if (value == JsonToken.START_ARRAY) {
                            shape = Shape.LIST;
                            data = entities(p, type);
                        } else {
                            shape = value == JsonToken.VALUE_NULL ? Shape.NULL : Shape.NOT_A_LIST;
                            data = List.of();
                            p.skipChildren();
                        }
                    }
                    case "offset" -> offset = offset(p, value);
                    case "next" -> {
                        next = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            return new ListingPage(data, shape, offset == null || offset.isEmpty() ? null : offset, next);
        }
    }

    private static List<KongEntity> entities(JsonParser p, EntityType type) throws IOException {
        List<KongEntity> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new JsonParseException(p, "the data list is not closed");
            if (t == JsonToken.START_OBJECT) {
                out.add(new KongEntity(type, object(p), null, null));
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    private static String offset(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> String.valueOf(p.getNumberValue().longValue());
            // never sent by Kong; kept as the text of the value so that the pager reports it rather than loops
            default -> String.valueOf(JSON.readValue(p, Object.class));
        };
    }

    /**
     * A JSON object as plain Java values, the parser at its {@code START_OBJECT}: the values Jackson's default binding
     * gives (numbers as Integer, Long, BigInteger or Double), which {@link KongEntity} makes canonical once.
     */
    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> m = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            m.put(key, value(p, p.nextToken()));
        }
        return m;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == null) throw new JsonParseException(p, "a list is not closed");
                    list.add(value(p, e));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> throw new JsonParseException(p, "unexpected " + t);
        };
    }
}
