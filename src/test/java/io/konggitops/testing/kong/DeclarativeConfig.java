package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * DB-less {@code POST /config} and {@code GET /config} ({@code kong/api/routes/config.lua}): whole-state replacement
 * from a JSON or YAML declarative document, {@code check_hash=1} (304 when unchanged, only for serialised
 * documents), {@code flatten_errors=1}, Kong's code-14 error body.
 */
final class DeclarativeConfig {
    static final String EMPTY_HASH = "00000000000000000000000000000000";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> VERSIONS = List.of("1.1", "2.1", "3.0");

    private final KongDouble kong;
    private String hash = EMPTY_HASH;

    DeclarativeConfig(KongDouble kong) {
        this.kong = kong;
    }

    synchronized String hash() {
        return hash;
    }

    synchronized void restoreHash(String h) {
        hash = h;
    }

    synchronized void reset() {
        hash = EMPTY_HASH;
    }

    AdminRouter.Response handle(String method, Map<String, String> query, byte[] body, String contentType) {
        if (method.equals("GET")) {
            ObjectNode o = Field.F.objectNode();
            try {
                o.put("config", YAML.writeValueAsString(currentDocument()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return AdminRouter.Response.of(200, o);
        }
        if (!method.equals("POST")) return AdminRouter.Response.error(KongError.message(405, "Method not allowed"));
        if (!kong.dbless()) {
            throw KongError.message(400, "this endpoint is only available when Kong is configured to not use a database");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) throw KongError.message(400, "expected a declarative configuration");
        JsonNode doc;
        String serialised = null;
        try {
            JsonNode parsed = contentType != null && contentType.contains("json") ? KongDouble.JSON.readTree(text) : null;
            if (parsed != null && parsed.path("config").isTextual() && !parsed.has("_format_version")) {
                serialised = parsed.get("config").asText();
            } else if (parsed == null) {
                serialised = text;
            }
            doc = serialised != null ? YAML.readTree(serialised) : parsed;
        } catch (IOException e) {
            throw KongError.message(400, "failed parsing declarative configuration: " + e.getMessage());
        }
        if (!(doc instanceof ObjectNode document)) throw KongError.message(400, "expected a declarative configuration");
        String newHash = EntityHooks.md5(serialised != null ? serialised : doc.toString());
        boolean checkHash = "1".equals(query.get("check_hash"));
        if (checkHash && serialised != null && newHash.equals(hash())) return AdminRouter.Response.of(304, null);

        EntityStore staged = new EntityStore();
        DeclarativeLoader loader = new DeclarativeLoader(new Dao(kong.schemas, kong.plugins, staged));
        ObjectNode fields = Field.F.objectNode();
        JsonNode version = document.get("_format_version");
        if (version == null) fields.put("_format_version", "required field missing");
        else if (!VERSIONS.contains(version.asText())) fields.put("_format_version", "expected one of: 1.1, 2.1, 3.0");
        loader.load(document, fields);
        if (!fields.isEmpty()) {
            KongError e = KongError.coded(400, 14, "invalid declarative configuration",
                    "declarative config is invalid: " + KongError.luaTable(fields));
            e.body.set("fields", fields);
            if (isTrue(query.get("flatten_errors"))) e.body.set("flattened_errors", loader.flattened());
            throw e;
        }
        synchronized (this) {
            kong.store().clear();
            staged.snapshot().forEach((entity, rows) -> rows.forEach(r -> {
                r.remove("snis");
                kong.store().put(entity, r);
            }));
            hash = newHash;
        }
        ObjectNode out = Field.F.objectNode();
        kong.store().snapshot().forEach((entity, rows) -> {
            ObjectNode byId = out.putObject(entity);
            rows.forEach(r -> byId.set(r.get("id").asText(), r));
        });
        return AdminRouter.Response.of(201, out);
    }

    private static boolean isTrue(String v) {
        return v != null && List.of("true", "1", "on", "yes").contains(v);
    }

    /** The loaded state as a flat {@code _format_version: "3.0"} document (for {@code GET /config}). */
    private ObjectNode currentDocument() {
        ObjectNode doc = Field.F.objectNode();
        doc.put("_format_version", "3.0");
        doc.put("_transform", false);
        kong.store().snapshot().forEach((entity, rows) -> {
            ArrayNode a = doc.putArray(entity);
            rows.forEach(a::add);
        });
        return doc;
    }
}
