package io.konggitops.diff;

import io.konggitops.kong.KongJson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one entity (or plugin) schema, parsed from Kong's schema JSON. {@code live} says whether it came
 * from the Kong node ({@code /schemas}) or from the built-in fallback table: only a live schema is trusted to drop
 * desired fields it does not know.
 */
public record EntitySchema(Map<String, FieldSpec> fields, Set<String> shorthands, boolean live) {

    public EntitySchema {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        shorthands = Set.copyOf(shorthands);
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public boolean knows(String name) {
        return fields.containsKey(name);
    }

    /** This schema with the fields of {@code other} added or replacing same-named ones. */
    public EntitySchema overlay(EntitySchema other) {
        Map<String, FieldSpec> merged = new LinkedHashMap<>(fields);
        merged.putAll(other.fields);
        Set<String> sh = new LinkedHashSet<>(shorthands);
        sh.addAll(other.shorthands);
        return new EntitySchema(merged, sh, live && other.live);
    }

    /** Parses {@code {"fields": [{"name": {...}}, ...], "shorthand_fields": [...]}}. */
    public static EntitySchema parse(Map<String, Object> json, boolean live) {
        Map<String, FieldSpec> fields = parseFields(json.get("fields"));
        Set<String> shorthands = new LinkedHashSet<>();
        if (json.get("shorthand_fields") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    for (Object k : m.keySet()) shorthands.add(String.valueOf(k));
                }
            }
        }
        return new EntitySchema(fields, shorthands, live);
    }

    static Map<String, FieldSpec> parseFields(Object fieldsJson) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        if (!(fieldsJson instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) continue;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> spec) {
                    String name = String.valueOf(e.getKey());
                    out.put(name, parseSpec(name, spec));
                }
            }
        }
        return out;
    }

    private static FieldSpec parseSpec(String name, Map<?, ?> spec) {
        String type = spec.get("type") == null ? "any" : String.valueOf(spec.get("type"));
        boolean hasDefault = spec.containsKey("default");
        Object def = hasDefault ? KongJson.canonical(spec.get("default")) : null;
        boolean required = Boolean.TRUE.equals(spec.get("required"));
        boolean nullable = !Boolean.FALSE.equals(spec.get("nullable"));
        boolean auto = Boolean.TRUE.equals(spec.get("auto"));
        boolean trans = Boolean.TRUE.equals(spec.get("transient"));
        Map<String, FieldSpec> sub = parseFields(spec.get("fields"));
        FieldSpec elements = spec.get("elements") instanceof Map<?, ?> el ? parseSpec(name + "[]", el) : null;
        boolean secret = Boolean.TRUE.equals(spec.get("encrypted")) || Boolean.TRUE.equals(spec.get("referenceable"));
        return new FieldSpec(name, type, hasDefault, def, required, nullable, auto, trans, sub, elements, secret,
                shorthandPaths(spec.get("shorthand_fields")));
    }

    /** {@code [{"redis_host": {"deprecation": {"replaced_with": [{"path": ["redis", "host"]}]}}}, ...]}. */
    static Map<String, List<String>> shorthandPaths(Object json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(json instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) continue;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> def)) continue;
                Object path = null;
                if (def.get("deprecation") instanceof Map<?, ?> dep && dep.get("replaced_with") instanceof List<?> rw
                        && !rw.isEmpty() && rw.get(0) instanceof Map<?, ?> first) {
                    path = first.get("path");
                }
                if (path == null) path = def.get("translate_backwards");
                if (path instanceof List<?> steps && !steps.isEmpty()) {
                    out.put(String.valueOf(e.getKey()), steps.stream().map(String::valueOf).toList());
                }
            }
        }
        return out;
    }
}
