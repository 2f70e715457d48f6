package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kong entity schema as the double knows it: storage name, Admin API path segment, endpoint key, fields in Kong's
 * order, and composite unique keys (Kong's {@code cache_key}s).
 */
final class EntitySchema {
    final String name;
    final String endpoint;
    final String endpointKey;
    final String singular;
    final List<Field> fields;
    final List<List<String>> compositeUniques = new ArrayList<>();
    /** Entity checks as {@code GET /schemas} shows them (functions dropped): {@code {"mutually_required": [...]}}. */
    final List<ObjectNode> entityChecks = new ArrayList<>();

    EntitySchema(String name, String endpoint, String endpointKey, String singular, List<Field> fields) {
        this.name = name;
        this.endpoint = endpoint;
        this.endpointKey = endpointKey;
        this.singular = singular;
        this.fields = fields;
    }

    EntitySchema uniqueTogether(String... keys) {
        compositeUniques.add(List.of(keys));
        return this;
    }

    /** Adds {@code {"<checker>": ["f1", "f2"]}} ({@code at_least_one_of}, {@code mutually_required}, ...). */
    EntitySchema check(String checker, String... fields) {
        ObjectNode c = Field.F.objectNode();
        ArrayNode a = c.putArray(checker);
        for (String f : fields) a.add(f);
        entityChecks.add(c);
        return this;
    }

    /** Adds an entity check with its JSON argument, e.g. a {@code conditional}. */
    EntitySchema check(ObjectNode jsonCheck) {
        entityChecks.add(jsonCheck);
        return this;
    }

    Field field(String n) {
        for (Field f : fields) if (f.name.equals(n)) return f;
        return null;
    }

    boolean hasTags() {
        return field("tags") != null;
    }

    /** The same schema with one field replaced (used to attach a plugin's {@code config} record). */
    EntitySchema withField(Field replacement) {
        List<Field> copy = new ArrayList<>();
        for (Field f : fields) copy.add(f.name.equals(replacement.name) ? replacement : f);
        EntitySchema s = new EntitySchema(name, endpoint, endpointKey, singular, copy);
        s.compositeUniques.addAll(compositeUniques);
        s.entityChecks.addAll(entityChecks);
        return s;
    }

    /**
     * {@code GET /schemas/{name}} body as {@code kong/api/routes/kong.lua} answers it: the schema table made JSON by
     * {@code api_helpers.schema_to_jsonable} (functions dropped, foreign schemas stripped): {@code name},
     * {@code primary_key}, {@code endpoint_key}, {@code cache_key}, {@code workspaceable}, {@code fields} as a list of
     * one-key objects in Kong's order, {@code entity_checks}.
     */
    ObjectNode toSchemaJson() {
        ObjectNode o = Field.F.objectNode();
        o.put("name", name);
        o.putArray("primary_key").add("id");
        if (endpointKey != null) o.put("endpoint_key", endpointKey);
        if (!compositeUniques.isEmpty()) {
            ArrayNode ck = o.putArray("cache_key");
            compositeUniques.get(0).forEach(ck::add);
        }
        if (!name.equals("ca_certificates")) o.put("workspaceable", true);
        ArrayNode fs = o.putArray("fields");
        for (Field f : fields) fs.add(f.toSchemaJson());
        if (!entityChecks.isEmpty()) {
            ArrayNode checks = o.putArray("entity_checks");
            for (ObjectNode c : entityChecks) checks.add(c.deepCopy());
        }
        return o;
    }
}
