package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** An Admin API error answer: HTTP status and Kong's exact body shape ({@code kong/db/errors.lua}). */
final class KongError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient ObjectNode body;

    KongError(int status, ObjectNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    static KongError message(int status, String message) {
        ObjectNode b = Field.F.objectNode();
        b.put("message", message);
        return new KongError(status, b);
    }

    static KongError notFound() {
        return message(404, "Not found");
    }

    static KongError coded(int status, int code, String name, String message) {
        ObjectNode b = Field.F.objectNode();
        b.put("code", code).put("name", name).put("message", message);
        return new KongError(status, b);
    }

    /**
     * 400 code 2 {@code schema violation}; {@code fields} as Kong nests them. The message lists entity checks first,
     * then fields sorted by name, one level of sub-fields deep ({@code errors.lua schema_violation}).
     */
    static KongError schemaViolation(ObjectNode fields) {
        List<String> parts = new ArrayList<>();
        fields.path("@entity").forEach(m -> parts.add(m.asText()));
        for (String name : sortedKeys(fields)) {
            if (name.equals("@entity")) continue;
            JsonNode err = fields.get(name);
            if (err.isContainerNode()) {
                for (String sub : sortedKeys(err)) {
                    JsonNode v = err.isArray() ? err.get(Integer.parseInt(sub) - 1) : err.get(sub);
                    parts.add(name + "." + sub + ": " + (v.isContainerNode() ? luaTable(v) : v.asText()));
                }
            } else {
                parts.add(name + ": " + err.asText());
            }
        }
        String message = parts.size() == 1 ? "schema violation (" + parts.get(0) + ")"
                : parts.size() + " schema violations (" + String.join("; ", parts) + ")";
        KongError e = coded(400, 2, "schema violation", message);
        e.body.set("fields", fields);
        return e;
    }

    /** Keys of an object sorted, or the 1-based indexes of an array's non-null elements. */
    static List<String> sortedKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) if (!node.get(i).isNull()) keys.add(String.valueOf(i + 1));
        } else {
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
        }
        return keys;
    }

    /** 400 code 4: the referenced entity does not exist. */
    static KongError foreignKey(String field, String id, String reference) {
        KongError e = coded(400, 4, "foreign key violation",
                "the foreign key '{id=\"" + id + "\"}' does not reference an existing '" + reference + "' entity.");
        e.body.putObject("fields").putObject(field).put("id", id);
        return e;
    }

    /** 400 code 4: deleting a parent still referenced by a restrict foreign key. */
    static KongError restricted(String parent, String child) {
        KongError e = coded(400, 4, "foreign key violation",
                "an existing '" + child + "' entity references this '" + parent + "' entity");
        e.body.putObject("fields").put("@referenced_by", child);
        return e;
    }

    /** 409 code 5 on one or more unique fields. */
    static KongError unique(ObjectNode key) {
        KongError e = coded(409, 5, "unique constraint violation",
                "UNIQUE violation detected on '" + luaTable(key) + "'");
        e.body.set("fields", key);
        return e;
    }

    /** 400 code 3: an insert with an id that exists ({@code errors.lua primary_key_violation}). */
    static KongError primaryKey(String id) {
        KongError e = coded(400, 3, "primary key violation", "primary key violation on key '{id=\"" + id + "\"}'");
        e.body.putObject("fields").put("id", id);
        return e;
    }

    static KongError invalidPrimaryKey(String id) {
        KongError e = coded(400, 1, "invalid primary key", "invalid primary key: '{id=\"" + id + "\"}'");
        e.body.putObject("fields").put("id", "expected a valid UUID");
        return e;
    }

    static KongError invalidOptions(String option, String message) {
        KongError e = coded(400, 11, "invalid options", "invalid option (" + option + ": " + message + ")");
        e.body.putObject("options").put(option, message);
        return e;
    }

    /** 405 code 12 in DB-less mode. */
    static KongError dbless(String verb, String entity) {
        return coded(405, 12, "operation unsupported",
                "cannot " + verb + " '" + entity + "' entities when not using a database");
    }

    /** Renders JSON the way Kong's error messages print Lua tables: {@code {name="svc1"}}, keys sorted. */
    static String luaTable(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        if (node.isValueNode()) return node.asText();
        StringBuilder sb = new StringBuilder("{");
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            boolean sparse = false;
            for (JsonNode x : a) sparse |= x.isNull();
            boolean first = true;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNull()) continue;
                sb.append(first ? "" : ",").append(sparse ? "[" + (i + 1) + "]=" : "").append(luaTable(a.get(i)));
                first = false;
            }
        } else {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? "," : "").append(keys.get(i)).append('=').append(luaTable(node.get(keys.get(i))));
            }
        }
        return sb.append('}').toString();
    }
}
