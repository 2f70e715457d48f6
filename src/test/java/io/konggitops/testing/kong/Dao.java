package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * Kong's DAO semantics over the {@link EntityStore}: insert, upsert (PUT = full replace), update (PATCH = merge),
 * select by id or endpoint key, delete with restrict/cascade; validation, defaults, foreign and unique keys.
 * Errors are thrown as {@link KongError}. Callers serialise access (one request at a time).
 */
final class Dao {
    enum Mode { INSERT, UPSERT, UPDATE }

    final KongSchemas schemas;
    final PluginSchemas plugins;
    final EntityStore store;

    Dao(KongSchemas schemas, PluginSchemas plugins, EntityStore store) {
        this.schemas = schemas;
        this.plugins = plugins;
        this.store = store;
    }

    EntitySchema schema(String entity) {
        EntitySchema s = schemas.get(entity);
        if (s == null) throw new IllegalArgumentException("unknown entity " + entity);
        return s;
    }

    /** Row by id or endpoint key, or null when absent. Certificates resolve a non-UUID through the SNI names. */
    ObjectNode resolve(String entity, String key) {
        if (SchemaValidator.isUuid(key)) return store.row(entity, key.toLowerCase(java.util.Locale.ROOT));
        if (entity.equals("certificates")) {
            ObjectNode sni = store.findBy("snis", "name", key);
            return sni == null ? null : store.row("certificates", sni.get("certificate").get("id").asText());
        }
        EntitySchema s = schema(entity);
        if (s.endpointKey == null) throw KongError.invalidPrimaryKey(key);
        return store.findBy(entity, s.endpointKey, key);
    }

    /** A target of one upstream by id or by (normalised) target string. */
    ObjectNode resolveTarget(String upstreamId, String key) {
        ObjectNode row = SchemaValidator.isUuid(key) ? store.row("targets", key)
                : findTarget(upstreamId, EntityHooks.normaliseTarget(key));
        return row != null && upstreamId.equals(row.get("upstream").get("id").asText()) ? row : null;
    }

    private ObjectNode findTarget(String upstreamId, String target) {
        for (ObjectNode t : store.referencing("targets", "upstream", upstreamId)) {
            if (target.equals(t.get("target").asText())) return t;
        }
        return null;
    }

    ObjectNode render(String entity, ObjectNode row) {
        return store.render(entity, row);
    }

    ObjectNode insert(String entity, ObjectNode body) {
        return write(entity, null, body, Mode.INSERT);
    }

    /** PUT: full replace of the row addressed by {@code key} (id or endpoint key), creating it when absent. */
    ObjectNode upsert(String entity, String key, ObjectNode body) {
        ObjectNode existing = resolve(entity, key);
        ObjectNode in = body.deepCopy();
        if (SchemaValidator.isUuid(key)) {
            in.put("id", key.toLowerCase(java.util.Locale.ROOT));
        } else if (entity.equals("certificates")) {
            if (existing == null && !in.hasNonNull("snis")) in.set("snis", Field.strings(key));
        } else {
            in.put(schema(entity).endpointKey, key);
        }
        return write(entity, existing, in, Mode.UPSERT);
    }

    /** PATCH of an existing row; 404 when absent. */
    ObjectNode update(String entity, ObjectNode existing, ObjectNode body) {
        if (existing == null) throw KongError.notFound();
        return write(entity, existing, body, Mode.UPDATE);
    }

    ObjectNode write(String entity, ObjectNode existing, ObjectNode rawBody, Mode mode) {
        ObjectNode body = rawBody.deepCopy();
        JsonNode snis = body.remove("snis");
        boolean snisGiven = snis != null && entity.equals("certificates");
        if (!entity.equals("certificates") && snis != null) body.set("snis", snis);
        EntityHooks.preprocess(entity, body);
        EntitySchema s = schemaFor(entity, mode == Mode.UPDATE && !body.has("name") ? existing : body);
        ObjectNode input;
        if (mode == Mode.UPDATE) {
            ObjectNode base = existing.deepCopy();
            base.remove(List.of("created_at", "updated_at"));
            input = SchemaValidator.merge(s.fields, base, body);
        } else {
            input = body;
        }
        ObjectNode errors = Field.F.objectNode();
        ObjectNode row = SchemaValidator.complete(s.fields, input, errors);
        EntityHooks.check(entity, row, input, rawBody, errors, plugins, mode);
        KongRules.check(entity, row, errors, schemas.routerFlavor);
        if (snisGiven && !snis.isNull() && !snis.isArray()) errors.put("snis", "expected a set");
        if (!errors.isEmpty()) throw KongError.schemaViolation(errors);

        String id = existing != null ? existing.get("id").asText()
                : row.hasNonNull("id") ? row.get("id").asText().toLowerCase(java.util.Locale.ROOT)
                : UUID.randomUUID().toString();
        row.put("id", id);
        if (existing == null && store.row(entity, id) != null) {
            // postgres strategy toerror(): the primary key index is checked first (kong/db/strategies/postgres)
            throw KongError.primaryKey(id);
        }
        stamp(s, row, existing);
        EntityHooks.finish(entity, row, rawBody, existing);
        checkForeignKeys(s, row);
        checkUniques(s, row, id);
        if (snisGiven && snis.isArray()) checkSniNames(snis, id);
        store.put(entity, row);
        if (entity.equals("certificates") && (snisGiven || mode == Mode.UPSERT)) {
            replaceSnis(id, snisGiven && snis.isArray() ? snis : Field.F.arrayNode());
        }
        return render(entity, row);
    }

    /** Schema-level validation only (no ids, foreign or unique keys): {@code POST /schemas/{entity}/validate}. */
    void validate(String entity, ObjectNode rawBody) {
        ObjectNode body = rawBody.deepCopy();
        JsonNode snis = entity.equals("certificates") ? body.remove("snis") : null;
        EntityHooks.preprocess(entity, body);
        EntitySchema s = schemaFor(entity, body);
        ObjectNode errors = Field.F.objectNode();
        ObjectNode row = SchemaValidator.complete(s.fields, body, errors);
        EntityHooks.check(entity, row, body, rawBody, errors, plugins, Mode.INSERT);
        KongRules.check(entity, row, errors, schemas.routerFlavor);
        if (snis != null && !snis.isNull() && !snis.isArray()) errors.put("snis", "expected a set");
        if (!errors.isEmpty()) throw KongError.schemaViolation(errors);
    }

    private EntitySchema schemaFor(String entity, ObjectNode body) {
        EntitySchema s = schema(entity);
        if (!entity.equals("plugins") || body == null) return s;
        Field config = plugins.config(body.path("name").asText(""));
        return config == null ? s : s.withField(config);
    }

    private static void stamp(EntitySchema s, ObjectNode row, ObjectNode existing) {
        long ms = System.currentTimeMillis();
        for (String f : List.of("created_at", "updated_at")) {
            Field field = s.field(f);
            if (field == null) continue;
            JsonNode now = field.kind == Field.Kind.TS_MS ? Field.F.numberNode(ms / 1000.0) : Field.F.numberNode(ms / 1000);
            JsonNode old = existing == null ? null : existing.get(f);
            boolean keep = f.equals("created_at") && old != null && !old.isNull();
            row.set(f, keep ? old : now);
        }
    }

    private void checkForeignKeys(EntitySchema s, ObjectNode row) {
        for (Field f : s.fields) {
            JsonNode v = row.get(f.name);
            if (f.kind != Field.Kind.FOREIGN || v == null || v.isNull()) continue;
            String id = v.get("id").asText();
            if (store.row(f.reference, id) == null) throw KongError.foreignKey(f.name, id, f.reference);
        }
    }

    private void checkUniques(EntitySchema s, ObjectNode row, String id) {
        for (Field f : s.fields) {
            JsonNode v = row.get(f.name);
            if (!f.unique || v == null || v.isNull()) continue;
            ObjectNode other = store.findBy(s.name, f.name, v.asText());
            if (other != null && !other.get("id").asText().equals(id)) {
                ObjectNode key = Field.F.objectNode();
                key.set(f.name, v);
                throw KongError.unique(key);
            }
        }
        for (List<String> keys : s.compositeUniques) {
            for (ObjectNode other : store.sameKey(s.name, keys, row)) {
                if (other.get("id").asText().equals(id)) continue;
                ObjectNode key = Field.F.objectNode();
                for (String k : keys) key.set(k, row.get(k) == null ? NullNode.instance : row.get(k));
                throw KongError.unique(key);
            }
        }
    }

    private void checkSniNames(JsonNode snis, String certId) {
        ObjectNode errors = Field.F.objectNode();
        for (JsonNode n : snis) {
            if (!n.isTextual()) {
                errors.put("snis", "expected a string");
                continue;
            }
            ObjectNode other = store.findBy("snis", "name", n.asText());
            if (other != null && !other.get("certificate").get("id").asText().equals(certId)) {
                errors.put("snis", n.asText() + " already associated with existing certificate '"
                        + other.get("certificate").get("id").asText() + "'");
            }
        }
        if (!errors.isEmpty()) throw KongError.schemaViolation(errors);
    }

    private void replaceSnis(String certId, JsonNode names) {
        List<String> wanted = new java.util.ArrayList<>();
        names.forEach(n -> {
            if (!wanted.contains(n.asText())) wanted.add(n.asText());
        });
        for (ObjectNode sni : store.referencing("snis", "certificate", certId)) {
            if (!wanted.contains(sni.get("name").asText())) store.remove("snis", sni.get("id").asText());
        }
        for (String name : wanted) {
            if (store.findBy("snis", "name", name) != null) continue;
            ObjectNode sni = Field.F.objectNode();
            sni.put("name", name);
            sni.putObject("certificate").put("id", certId);
            insert("snis", sni);
        }
    }

    /** DELETE: 204 semantics (absent is fine); restrict references fail, cascading children go with the row. */
    void delete(String entity, ObjectNode row) {
        if (row == null) return;
        String id = row.get("id").asText();
        for (EntitySchema child : schemas.all()) {
            for (Field f : child.fields) {
                if (f.kind != Field.Kind.FOREIGN || !f.reference.equals(entity)) continue;
                if (!"cascade".equals(f.onDelete) && !store.referencing(child.name, f.name, id).isEmpty()) {
                    throw KongError.restricted(entity, child.name);
                }
            }
        }
        for (EntitySchema child : schemas.all()) {
            for (Field f : child.fields) {
                if (f.kind != Field.Kind.FOREIGN || !f.reference.equals(entity) || !"cascade".equals(f.onDelete)) continue;
                for (ObjectNode c : store.referencing(child.name, f.name, id)) delete(child.name, c);
            }
        }
        store.remove(entity, id);
    }
}
