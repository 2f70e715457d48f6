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
    final List<String> entityChecks = new ArrayList<>();

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

    EntitySchema check(String description) {
        entityChecks.add(description);
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

    /** {@code GET /schemas/{name}} body. */
    ObjectNode toSchemaJson() {
        ObjectNode o = Field.F.objectNode();
        ArrayNode fs = o.putArray("fields");
        for (Field f : fields) fs.add(f.toSchemaJson());
        ArrayNode checks = o.putArray("entity_checks");
        for (String c : entityChecks) checks.add(c);
        if (endpointKey != null) o.put("endpoint_key", endpointKey);
        return o;
    }
}
