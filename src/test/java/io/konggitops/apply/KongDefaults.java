package io.konggitops.apply;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.kong.EntityType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kong's defaults as documented in the project's reference data ({@code docs/kong-defaults.json} of the shared research
 * folder), copied into the test resources ({@code src/test/resources/kong/kong-defaults.json}) so the tests pass on a
 * fresh clone with nothing beside it: what the fake Kong fills in on every write.
 */
public final class KongDefaults {
    /** The classpath resource holding the table. */
    public static final String RESOURCE = "/kong/kong-defaults.json";
    private static Map<String, Object> json;

    private KongDefaults() {
    }

    public static synchronized Map<String, Object> all() {
        if (json == null) {
            try (InputStream in = KongDefaults.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("test resource " + RESOURCE + " is missing");
                json = new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** Field → default (null = returned as explicit null) for a kind; placeholders and notes left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(EntityType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object section = all().get(type.schemaName());
        if (!(section instanceof Map<?, ?> m)) return out;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
            if (e.getKey().startsWith("_")) continue;
            if (e.getValue() instanceof String s && s.startsWith("<")) continue;
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
