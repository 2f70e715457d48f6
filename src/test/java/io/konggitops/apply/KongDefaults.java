package io.konggitops.apply;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.kong.EntityType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kong's defaults as documented in the shared research data ({@code ../shared/docs/kong-defaults.json}), read at test
 * time: what the fake Kong fills in on every write. Fails (never skips) when the shared folder is missing.
 */
public final class KongDefaults {
    private static Map<String, Object> json;

    private KongDefaults() {
    }

    public static Path sharedDocs() {
        String shared = System.getProperty("kong-gitops.shared", "../shared");
        Path docs = Path.of(shared, "docs");
        if (!Files.isRegularFile(docs.resolve("kong-defaults.json"))) {
            throw new IllegalStateException("shared reference data not found at " + docs.toAbsolutePath()
                    + " (system property kong-gitops.shared)");
        }
        return docs;
    }

    public static synchronized Map<String, Object> all() {
        if (json == null) {
            try {
                json = new ObjectMapper().readValue(sharedDocs().resolve("kong-defaults.json").toFile(),
                        new TypeReference<Map<String, Object>>() { });
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
