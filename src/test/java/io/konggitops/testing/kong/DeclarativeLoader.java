package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads a declarative document into a staging {@link Dao}: nested children (service routes and plugins, upstream
 * targets, certificate snis, consumer credentials and plugins), references by name or id, deterministic UUIDv5 ids
 * for entities with an endpoint or cache key. Errors go into Kong's nested {@code fields} and the flattened list.
 */
final class DeclarativeLoader {
    private static final UUID NAMESPACE = UUID.fromString("fd02801f-0957-4a15-a0ee-2e3f5dc4a0c7");
    /** Top-level keys in load order (parents first). */
    private static final List<String> ORDER = List.of("certificates", "snis", "ca_certificates", "consumers", "upstreams",
            "targets", "services", "routes", "keyauth_credentials", "basicauth_credentials", "hmacauth_credentials",
            "jwt_secrets", "oauth2_credentials", "acls", "plugins");
    /** Child collections allowed inside a parent entity: key → (child entity, foreign key). */
    private static final Map<String, Map<String, String>> CHILDREN = Map.of(
            "services", Map.of("routes", "service", "plugins", "service"),
            "routes", Map.of("plugins", "route"),
            "upstreams", Map.of("targets", "upstream"),
            "certificates", Map.of("snis", "certificate"),
            "consumers", Map.of("plugins", "consumer", "keyauth_credentials", "consumer", "basicauth_credentials", "consumer",
                    "hmacauth_credentials", "consumer", "jwt_secrets", "consumer", "oauth2_credentials", "consumer",
                    "acls", "consumer"));

    private final Dao dao;
    private final ArrayNode flattened = Field.F.arrayNode();

    DeclarativeLoader(Dao dao) {
        this.dao = dao;
    }

    ArrayNode flattened() {
        return flattened;
    }

    void load(ObjectNode doc, ObjectNode fields) {
        Iterator<String> keys = doc.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.startsWith("_") && !ORDER.contains(k)) fields.put(k, "unknown field");
        }
        for (String entity : ORDER) {
            JsonNode list = doc.get(entity);
            if (list == null || list.isNull()) continue;
            if (!list.isArray()) {
                fields.put(entity, "expected an array");
                continue;
            }
            ArrayNode errs = loadList(entity, (ArrayNode) list, null, null, false);
            if (errs != null) fields.set(entity, errs);
        }
    }

    /** Loads entities of one kind; returns the per-index error array, or null when all loaded. */
    private ArrayNode loadList(String entity, ArrayNode list, String fk, String parentId, boolean validateOnly) {
        ArrayNode errs = Field.F.arrayNode();
        boolean any = false;
        for (JsonNode item : list) {
            ObjectNode err = item.isObject() ? loadOne(entity, (ObjectNode) item, fk, parentId, validateOnly)
                    : expectedRecord();
            errs.add(err == null ? NullNode.instance : err);
            any |= err != null;
        }
        return any ? errs : null;
    }

    private static ObjectNode expectedRecord() {
        ObjectNode e = Field.F.objectNode();
        e.putArray("@entity").add("expected a record");
        return e;
    }

    /**
     * Loads one entity and its nested children. When the entity is invalid (or {@code validateOnly}), its children
     * are still validated against their schemas so that every error is reported, as Kong validates all at once.
     */
    private ObjectNode loadOne(String entity, ObjectNode submitted, String fk, String parentId, boolean validateOnly) {
        ObjectNode body = submitted.deepCopy();
        Map<String, String> children = CHILDREN.getOrDefault(entity, Map.of());
        ObjectNode nested = Field.F.objectNode();
        for (String child : children.keySet()) {
            JsonNode c = body.remove(child);
            if (c != null && !c.isNull() && !(entity.equals("certificates") && child.equals("snis") && isNames(c))) {
                nested.set(child, c);
            } else if (c != null && entity.equals("certificates")) {
                body.set("snis", c);
            }
        }
        ObjectNode err = Field.F.objectNode();
        resolveReferences(entity, body, err);
        if (fk != null) body.putObject(fk).put("id", parentId);
        if (!body.has("id")) body.put("id", idFor(entity, body));
        ObjectNode row = null;
        if (err.isEmpty()) {
            try {
                if (validateOnly) dao.validate(entity, body);
                else row = dao.insert(entity, body);
            } catch (KongError e) {
                JsonNode f = e.body.get("fields");
                if (e.body.path("code").asInt() == 2 && f instanceof ObjectNode fo) err.setAll(fo);
                else EntityHooks.entityError(err, e.body.path("message").asText());
            }
        }
        if (!err.isEmpty()) flatten(entity, submitted, children.keySet(), err);
        Iterator<Map.Entry<String, JsonNode>> it = nested.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                err.put(e.getKey(), "expected an array");
                continue;
            }
            ArrayNode childErrs = loadList(e.getKey(), (ArrayNode) e.getValue(), children.get(e.getKey()),
                    row != null ? row.get("id").asText() : body.get("id").asText(), row == null);
            if (childErrs != null) err.set(e.getKey(), childErrs);
        }
        return err.isEmpty() ? null : err;
    }

    private static boolean isNames(JsonNode c) {
        if (!c.isArray()) return false;
        for (JsonNode n : c) if (!n.isTextual()) return false;
        return true;
    }

    /** Foreign keys given as a name, a UUID string or {@code {"id": ...}} become {@code {"id": ...}}. */
    private void resolveReferences(String entity, ObjectNode body, ObjectNode err) {
        for (Field f : dao.schema(entity).fields) {
            JsonNode v = body.get(f.name);
            if (f.kind != Field.Kind.FOREIGN || v == null || v.isNull()) continue;
            String ref = v.isTextual() ? v.asText() : v.path("id").asText(v.path("name").asText(null));
            if (ref == null) continue;
            ObjectNode target = dao.resolve(f.reference, ref);
            if (target == null && f.reference.equals("consumers")) target = dao.store.findBy("consumers", "custom_id", ref);
            if (target == null) {
                EntityHooks.entityError(err, "invalid reference '" + f.name + ": " + ref + "' (no such entry in '"
                        + f.reference + "')");
            } else {
                body.putObject(f.name).put("id", target.get("id").asText());
            }
        }
    }

    /** Deterministic id from the endpoint key or cache key (like Kong's {@code generate_ids}); random otherwise. */
    private String idFor(String entity, ObjectNode body) {
        EntitySchema s = dao.schema(entity);
        String key = null;
        if (s.endpointKey != null && body.path(s.endpointKey).isTextual()) {
            key = body.get(s.endpointKey).asText();
        } else if (!s.compositeUniques.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String k : s.compositeUniques.get(0)) {
                JsonNode v = body.path(k);
                sb.append(v.isObject() ? v.path("id").asText() : v.asText("")).append(':');
            }
            key = sb.toString();
        }
        return key == null ? UUID.randomUUID().toString() : uuid5(entity + ":" + key).toString();
    }

    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One {@code flattened_errors} item, as {@code errors.lua flatten_errors} builds it. */
    private void flatten(String entity, ObjectNode submitted, java.util.Set<String> childKeys, ObjectNode err) {
        ObjectNode item = flattened.addObject();
        ObjectNode shown = submitted.deepCopy();
        shown.remove(childKeys);
        if (shown.path("name").isTextual() && !shown.get("name").asText().isEmpty()) item.set("entity_name", shown.get("name"));
        if (SchemaValidator.isUuid(shown.path("id").asText(null))) item.set("entity_id", shown.get("id"));
        JsonNode tags = shown.path("tags");
        boolean stringTags = tags.isArray();
        for (JsonNode t : tags) stringTags &= t.isTextual();
        if (stringTags) item.set("entity_tags", tags);
        item.put("entity_type", entity.endsWith("s") ? entity.substring(0, entity.length() - 1) : entity);
        item.set("entity", shown);
        ArrayNode errors = item.putArray("errors");
        ObjectNode own = err.deepCopy();
        own.remove(childKeys);
        List<String[]> flat = new ArrayList<>();
        collect("", own, flat);
        for (String[] fe : flat) {
            ObjectNode e = errors.addObject();
            if (fe[0] == null) e.put("type", "entity").put("message", fe[1]);
            else e.put("type", "field").put("field", fe[0]).put("message", fe[1]);
        }
    }

    private static void collect(String prefix, JsonNode node, List<String[]> out) {
        if (node.isContainerNode()) {
            for (String key : KongError.sortedKeys(node)) {
                JsonNode v = node.isArray() ? node.get(Integer.parseInt(key) - 1) : node.get(key);
                if (key.equals("@entity")) v.forEach(m -> out.add(new String[] {null, m.asText()}));
                else collect(prefix.isEmpty() ? key : prefix + "." + key, v, out);
            }
        } else {
            out.add(new String[] {prefix, node.asText()});
        }
    }
}
