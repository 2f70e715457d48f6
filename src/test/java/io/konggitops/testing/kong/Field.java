package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One field of a Kong entity or plugin-config schema, with what the double needs to validate, default and render it. */
final class Field {
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, SET, ARRAY, RECORD, FOREIGN, MAP, ID, TS, TS_MS, ANY }

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final String name;
    final Kind kind;
    JsonNode dflt = NullNode.instance;
    boolean hasDefault;
    boolean required;
    boolean unique;
    Kind element = Kind.STRING;
    List<Field> fields = List.of();
    String reference;
    String onDelete;
    Long min;
    Long max;
    List<String> oneOf;
    /** {@code encrypted = true} in the schema: stored encrypted by Kong (keyring), a secret. */
    boolean encrypted;
    /** {@code referenceable = true}: may hold a {@code {vault://...}} reference, a secret. */
    boolean referenceable;
    /** A record's {@code shorthand_fields}: deprecated names Kong maps onto a path inside the record. */
    List<Shorthand> shorthands = List.of();

    /** One {@code shorthand_fields} entry with its {@code deprecation.replaced_with[1].path}. */
    record Shorthand(String name, Kind kind, List<String> path) {
    }

    private Field(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** The kind of a set's or array's elements ({@code RECORD}: Kong's sources/destinations records). */
    Field elements(Kind k) {
        element = k;
        return this;
    }

    static Field of(String name, Kind kind) {
        return new Field(name, kind);
    }

    static Field str(String name) {
        return of(name, Kind.STRING);
    }

    static Field str(String name, String dflt) {
        return of(name, Kind.STRING).dflt(F.textNode(dflt));
    }

    static Field integer(String name, long dflt) {
        return of(name, Kind.INTEGER).dflt(F.numberNode(dflt));
    }

    static Field integer(String name) {
        return of(name, Kind.INTEGER);
    }

    static Field number(String name, double dflt) {
        JsonNode d = dflt == Math.rint(dflt) ? F.numberNode((long) dflt) : F.numberNode(dflt);
        return of(name, Kind.NUMBER).dflt(d);
    }

    static Field number(String name) {
        return of(name, Kind.NUMBER);
    }

    static Field bool(String name, boolean dflt) {
        return of(name, Kind.BOOLEAN).dflt(F.booleanNode(dflt));
    }

    static Field bool(String name) {
        return of(name, Kind.BOOLEAN);
    }

    static Field set(String name, String... dflt) {
        Field f = of(name, Kind.SET);
        return dflt.length == 0 ? f : f.dflt(strings(dflt));
    }

    static Field array(String name, String... dflt) {
        Field f = of(name, Kind.ARRAY);
        return dflt.length == 0 ? f : f.dflt(strings(dflt));
    }

    static Field intArray(String name, int... dflt) {
        Field f = of(name, Kind.ARRAY);
        f.element = Kind.INTEGER;
        ArrayNode a = F.arrayNode();
        for (int i : dflt) a.add(i);
        return f.dflt(a);
    }

    static Field record(String name, Field... sub) {
        Field f = of(name, Kind.RECORD);
        f.fields = List.of(sub);
        return f;
    }

    static Field foreign(String name, String reference, String onDelete) {
        Field f = of(name, Kind.FOREIGN);
        f.reference = reference;
        f.onDelete = onDelete;
        return f;
    }

    static ArrayNode strings(String... values) {
        ArrayNode a = F.arrayNode();
        for (String v : values) a.add(v);
        return a;
    }

    Field dflt(JsonNode d) {
        this.dflt = d;
        this.hasDefault = true;
        return this;
    }

    Field required() {
        this.required = true;
        return this;
    }

    Field unique() {
        this.unique = true;
        return this;
    }

    Field between(long lo, long hi) {
        this.min = lo;
        this.max = hi;
        return this;
    }

    Field encrypted() {
        this.encrypted = true;
        return this;
    }

    Field referenceable() {
        this.referenceable = true;
        return this;
    }

    Field shorthands(Shorthand... s) {
        this.shorthands = List.of(s);
        return this;
    }

    Field oneOf(String... values) {
        this.oneOf = List.of(values);
        return this;
    }

    boolean auto() {
        return kind == Kind.ID || kind == Kind.TS || kind == Kind.TS_MS;
    }

    Field sub(String n) {
        for (Field f : fields) if (f.name.equals(n)) return f;
        return null;
    }

    /** The value a missing field gets: its default, or for a record without one, the record of its defaults. */
    JsonNode defaultValue() {
        if (kind == Kind.RECORD && !hasDefault) {
            ObjectNode o = F.objectNode();
            for (Field f : fields) o.set(f.name, f.defaultValue());
            return o;
        }
        return dflt.deepCopy();
    }

    /** Kong-like schema JSON of this field, as in {@code GET /schemas/{entity}}: {@code {"<name>": {...}}}. */
    ObjectNode toSchemaJson() {
        ObjectNode d = F.objectNode();
        switch (kind) {
            case ID -> d.put("type", "string").put("uuid", true).put("auto", true);
            case TS -> d.put("type", "integer").put("timestamp", true).put("auto", true);
            case TS_MS -> d.put("type", "number").put("timestamp", true).put("auto", true);
            case SET, ARRAY -> {
                d.put("type", kind == Kind.SET ? "set" : "array");
                ObjectNode el = d.putObject("elements");
                if (element == Kind.RECORD) {
                    // typedefs.sources / typedefs.destinations: records of ip_or_cidr and port
                    el.put("type", "record");
                    el.putArray("fields").add(F.objectNode().set("ip", F.objectNode().put("type", "string")))
                            .add(F.objectNode().set("port", F.objectNode().put("type", "integer")));
                } else {
                    el.put("type", element == Kind.INTEGER ? "integer" : "string");
                }
            }
            case RECORD -> {
                d.put("type", "record");
                ArrayNode sub = d.putArray("fields");
                for (Field f : fields) sub.add(f.toSchemaJson());
            }
            case FOREIGN -> {
                d.put("type", "foreign").put("reference", reference);
                if ("cascade".equals(onDelete)) d.put("on_delete", "cascade");
            }
            case MAP -> {
                d.put("type", "map");
                d.putObject("keys").put("type", "string");
                d.putObject("values").put("type", "array").putObject("elements").put("type", "string");
            }
            case ANY -> d.put("type", "json");
            default -> d.put("type", kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        // kong/db/schema/entity.lua make_records_required: records of entities are required unless said otherwise
        if (required || kind == Kind.RECORD || (hasDefault && !dflt.isNull())) d.put("required", true);
        if (unique) d.put("unique", true);
        if (hasDefault && !dflt.isNull()) d.set("default", dflt.deepCopy());
        if (min != null) d.putArray("between").add(min).add(max);
        if (oneOf != null) {
            ArrayNode a = d.putArray("one_of");
            oneOf.forEach(a::add);
        }
        if (encrypted) d.put("encrypted", true);
        if (referenceable) d.put("referenceable", true);
        if (!shorthands.isEmpty()) {
            ArrayNode sh = d.putArray("shorthand_fields");
            for (Shorthand s : shorthands) {
                ObjectNode one = F.objectNode();
                one.put("type", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                ObjectNode dep = one.putObject("deprecation");
                ArrayNode path = dep.putArray("replaced_with").addObject().putArray("path");
                s.path().forEach(path::add);
                dep.put("message", "config." + s.name() + " is deprecated, please use config."
                        + String.join(".", s.path()) + " instead");
                dep.put("removal_in_version", "4.0");
                sh.addObject().set(s.name(), one);
            }
        }
        ObjectNode wrapper = F.objectNode();
        wrapper.set(name, d);
        return wrapper;
    }

    /**
     * Fields inferred from an example object of defaults: strings, integers, numbers, booleans, arrays (of strings
     * or integers), nested objects become records; {@code null} becomes an untyped field without default.
     */
    static List<Field> fromDefaults(JsonNode defaults) {
        List<Field> out = new ArrayList<>();
        defaults.fields().forEachRemaining(e -> {
            String n = e.getKey();
            JsonNode v = e.getValue();
            Field f;
            if (v.isObject()) {
                f = record(n, fromDefaults(v).toArray(new Field[0]));
            } else if (v.isNull()) {
                f = of(n, Kind.ANY);
            } else if (v.isTextual()) {
                f = of(n, Kind.STRING).dflt(v);
            } else if (v.isBoolean()) {
                f = of(n, Kind.BOOLEAN).dflt(v);
            } else if (v.isIntegralNumber()) {
                f = of(n, Kind.INTEGER).dflt(v);
            } else if (v.isNumber()) {
                f = of(n, Kind.NUMBER).dflt(v);
            } else {
                f = of(n, Kind.ARRAY).dflt(v);
                if (v.size() > 0 && v.get(0).isIntegralNumber()) f.element = Kind.INTEGER;
            }
            out.add(f);
        });
        return out;
    }

    static List<Field> list(Field... fs) {
        return new ArrayList<>(List.of(fs));
    }
}
