package io.konggitops.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field of a Kong schema as {@code GET /schemas/{entity}} describes it: {@code {"name": {"type": ..,
 * "default": .., "fields": [..], "elements": {..}}}}. {@code type} is Kong's (string, integer, number, boolean,
 * array, set, map, record, foreign, ...). {@code fields} is set for records, {@code elements} for arrays and sets.
 * {@code secret}: the schema marks the field {@code encrypted} or {@code referenceable} (Kong stores it encrypted or
 * lets it name a vault secret). {@code shorthands}: a record's {@code shorthand_fields}, each deprecated name with the
 * path (inside the record) of the field that replaced it ({@code deprecation.replaced_with[1].path}, or the older
 * {@code translate_backwards}).
 */
public record FieldSpec(String name, String type, boolean hasDefault, Object defaultValue, boolean required,
                        boolean nullable, boolean auto, boolean transientField, Map<String, FieldSpec> fields,
                        FieldSpec elements, boolean secret, Map<String, List<String>> shorthands) {

    public FieldSpec {
        fields = fields == null ? Map.of() : fields;
        shorthands = shorthands == null ? Map.of() : Map.copyOf(shorthands);
    }

    public FieldSpec(String name, String type, boolean hasDefault, Object defaultValue, boolean required,
                     boolean nullable, boolean auto, boolean transientField, Map<String, FieldSpec> fields,
                     FieldSpec elements) {
        this(name, type, hasDefault, defaultValue, required, nullable, auto, transientField, fields, elements, false,
                Map.of());
    }

    public boolean isRecord() {
        return "record".equals(type);
    }

    public boolean isSet() {
        return "set".equals(type);
    }

    public boolean isForeign() {
        return "foreign".equals(type);
    }

    public Optional<FieldSpec> field(String child) {
        return Optional.ofNullable(fields.get(child));
    }

    /** The names of the sub-fields of a record, in schema order. */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }
}
