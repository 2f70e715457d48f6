package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an entity (desired or live) into the comparable form: auto fields dropped, write-only shorthands expanded,
 * values Kong rewrites rewritten the same way, null = missing = empty, Kong's defaults filled from the schema, sets
 * sorted, fields unknown to the live schema dropped. Both sides go through the same steps, so the result is symmetric.
 * Foreign keys must already be {@code {"id": ...}} (the {@link Differ} resolves them).
 */
final class Normalizer {
    static final Set<String> AUTO_FIELDS = Set.of("id", "created_at", "updated_at", "cert_digest");

    /**
     * The comparable fields, the paths where live-only values are tolerated, desired paths dropped as unknown, and the
     * paths the schema marks {@code encrypted}/{@code referenceable} (secrets).
     */
    record Normalized(Map<String, Object> fields, Set<String> tolerantPaths, List<String> unknownDropped,
                      Set<String> sensitivePaths) {
    }

    private final Schemas schemas;

    Normalizer(Schemas schemas) {
        this.schemas = schemas;
    }

    Normalized normalize(KongEntity entity, boolean desiredSide) {
        EntityType type = entity.type();
        Map<String, Object> m = mutable(entity.fields());
        AUTO_FIELDS.forEach(m::remove);
        for (Object v : m.values()) {
            if (v instanceof Map<?, ?> ref && ref.containsKey("id")) ref.keySet().retainAll(Set.of("id"));
        }
        type.spec().normalize(m);
        stripEmpty(m);
        Set<String> tolerant = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Set<String> sensitive = new LinkedHashSet<>();
        Optional<EntitySchema> schema = schemaFor(entity);
        if (schema.isEmpty()) {
            tolerant.add("");
        } else {
            EntitySchema s = schema.get();
            type.spec().schemaDefaults(m);
            ShorthandFolding.fold(m, s.fields());
            ShorthandFolding.secretPaths(s.fields(), "", sensitive);
            dropUnknown(m, s.fields(), s.shorthands(), "", s.live(), desiredSide, tolerant, unknown);
            fillDefaults(m, s.fields());
            sortSets(m, s.fields());
            if (type.spec().schemaPerName() && schemas.plugin(entity.name()).isEmpty()) {
                tolerant.add("config");
                if (m.get("config") instanceof Map<?, ?> config) secretNames(config, "config.", sensitive);
            }
        }
        if (m.get("tags") instanceof List<?> tags) m.put("tags", sortedSet(tags));
        stripEmpty(m);
        return new Normalized(KongJson.canonicalMap(m), tolerant, unknown, sensitive);
    }

    /** Without the plugin's schema: config fields whose names look secret ({@code *password*}, ...). */
    private static void secretNames(Map<?, ?> m, String prefix, Set<String> out) {
        m.forEach((k, v) -> {
            String path = prefix + k;
            if (io.konggitops.kong.SensitiveFields.isPluginConfigSecretWithoutSchema(path)) {
                out.add(path);
            } else if (v instanceof Map<?, ?> sub) {
                secretNames(sub, path + ".", out);
            }
        });
    }

    private Optional<EntitySchema> schemaFor(KongEntity e) {
        if (e.type().spec().schemaPerName() && e.name() != null) {
            Optional<EntitySchema> p = schemas.plugin(e.name());
            if (p.isPresent()) return p;
        }
        return schemas.entity(e.type());
    }

    private static void dropUnknown(Map<String, Object> m, Map<String, FieldSpec> specs, Set<String> shorthands,
                                    String prefix, boolean liveSchema, boolean desiredSide, Set<String> tolerant,
                                    List<String> unknown) {
        for (Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            String path = prefix + e.getKey();
            FieldSpec spec = specs.get(e.getKey());
            if (spec == null) {
                if (prefix.isEmpty() && shorthands.contains(e.getKey())) {
                    it.remove(); // write-only shorthand: cannot be compared
                } else if (liveSchema) {
                    it.remove();
                    if (desiredSide) unknown.add(path);
                } else {
                    tolerant.add(path);
                }
            } else if (spec.transientField()) {
                it.remove();
            } else if (spec.isRecord() && !spec.fields().isEmpty() && e.getValue() instanceof Map<?, ?> sub) {
                dropUnknown(cast(sub), spec.fields(), Set.of(), path + ".", liveSchema, desiredSide, tolerant,
                        unknown);
            } else if (spec.isRecord() && spec.fields().isEmpty()) {
                tolerant.add(path);
            }
        }
    }

    private static void fillDefaults(Map<String, Object> m, Map<String, FieldSpec> specs) {
        for (FieldSpec spec : specs.values()) {
            if (spec.auto() || spec.transientField()) continue;
            Object v = m.get(spec.name());
            if (v == null) {
                if (spec.hasDefault() && spec.defaultValue() != null) {
                    Object def = mutableValue(spec.defaultValue());
                    m.put(spec.name(), def);
                    if (spec.isRecord() && def instanceof Map<?, ?> d) fillDefaults(cast(d), spec.fields());
                } else if (spec.isRecord() && !spec.fields().isEmpty() && (spec.required() || !spec.nullable())) {
                    Map<String, Object> sub = new LinkedHashMap<>();
                    fillDefaults(sub, spec.fields());
                    if (!sub.isEmpty()) m.put(spec.name(), sub);
                }
            } else if (spec.isRecord() && v instanceof Map<?, ?> sub) {
                fillDefaults(cast(sub), spec.fields());
            } else if (v instanceof List<?> list && spec.elements() != null && spec.elements().isRecord()) {
                for (Object el : list) {
                    if (el instanceof Map<?, ?> sub) fillDefaults(cast(sub), spec.elements().fields());
                }
            }
        }
    }

    private static void sortSets(Map<String, Object> m, Map<String, FieldSpec> specs) {
        for (FieldSpec spec : specs.values()) {
            Object v = m.get(spec.name());
            if (spec.isSet() && v instanceof List<?> list) {
                m.put(spec.name(), sortedSet(list));
            } else if (spec.isRecord() && v instanceof Map<?, ?> sub) {
                sortSets(cast(sub), spec.fields());
            }
        }
    }

    private static List<Object> sortedSet(List<?> list) {
        List<Object> out = new ArrayList<>(new LinkedHashSet<>(list));
        out.sort(Comparator.comparing(String::valueOf));
        return out;
    }

    /** Removes nulls, empty arrays and empty objects, recursively: null, missing and empty mean the same. */
    static void stripEmpty(Map<String, Object> m) {
        for (Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) stripEmpty(cast(sub));
            if (v instanceof List<?> list) {
                for (Object el : list) {
                    if (el instanceof Map<?, ?> sub) stripEmpty(cast(sub));
                }
            }
            if (v == null || v instanceof Map<?, ?> mm && mm.isEmpty() || v instanceof List<?> l && l.isEmpty()) {
                it.remove();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static Map<String, Object> mutable(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, mutableValue(v)));
        return out;
    }

    private static Object mutableValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), mutableValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(mutableValue(x));
            return out;
        }
        return v;
    }
}
