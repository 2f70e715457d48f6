package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a submitted entity against a schema and completes it the way Kong's {@code Schema:process_auto_fields}
 * and {@code validate} do: unknown fields rejected, types checked, sets de-duplicated (first-seen order), missing
 * fields filled with defaults or explicit {@code null}, records completed recursively.
 */
final class SchemaValidator {
    static final Pattern UUID_RE = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private SchemaValidator() {
    }

    static boolean isUuid(String s) {
        return s != null && UUID_RE.matcher(s).matches();
    }

    /** Completes {@code input} (auto fields are left to the caller); problems are added to {@code errors}. */
    static ObjectNode complete(List<Field> fields, ObjectNode input, ObjectNode errors) {
        ObjectNode out = Field.F.objectNode();
        Iterator<String> names = input.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known(fields, n)) errors.put(n, "unknown field");
        }
        for (Field f : fields) {
            JsonNode v = input.get(f.name);
            if (f.auto()) {
                if (v != null && !v.isNull()) out.set(f.name, checkAuto(f, v, errors));
                continue;
            }
            if (v == null) {
                v = f.defaultValue();
            } else if (!v.isNull()) {
                v = check(f, v, errors);
            }
            if ((v == null || v.isNull()) && f.required && !errors.has(f.name)) {
                errors.put(f.name, "required field missing");
            }
            out.set(f.name, v == null ? NullNode.instance : v);
        }
        return out;
    }

    private static boolean known(List<Field> fields, String n) {
        for (Field f : fields) if (f.name.equals(n)) return true;
        return false;
    }

    private static JsonNode checkAuto(Field f, JsonNode v, ObjectNode errors) {
        if (f.kind == Field.Kind.ID && !(v.isTextual() && isUuid(v.asText()))) {
            errors.put(f.name, "expected a valid UUID");
        } else if (f.kind != Field.Kind.ID && !v.isNumber()) {
            errors.put(f.name, f.kind == Field.Kind.TS ? "expected an integer" : "expected a number");
        }
        return v;
    }

    /** Type-checks one present, non-null value; returns the normalised value. */
    static JsonNode check(Field f, JsonNode v, ObjectNode errors) {
        switch (f.kind) {
            case STRING -> {
                if (!v.isTextual()) return fail(errors, f, "expected a string", v);
                if (v.asText().isEmpty()) return fail(errors, f, "length must be at least 1", v);
                if (f.oneOf != null && !f.oneOf.contains(v.asText())) {
                    return fail(errors, f, "expected one of: " + String.join(", ", f.oneOf), v);
                }
            }
            case INTEGER -> {
                if (!isIntegral(v)) return fail(errors, f, "expected an integer", v);
                v = Field.F.numberNode(v.asLong());
                if (f.oneOf != null && !f.oneOf.contains(v.asText())) {
                    return fail(errors, f, "expected one of: " + String.join(", ", f.oneOf), v);
                }
                return range(f, v, errors);
            }
            case NUMBER -> {
                if (!v.isNumber()) return fail(errors, f, "expected a number", v);
                return range(f, v, errors);
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) return fail(errors, f, "expected a boolean", v);
            }
            case SET, ARRAY -> {
                if (!v.isArray()) return fail(errors, f, f.kind == Field.Kind.SET ? "expected a set" : "expected an array", v);
                return elements(f, (ArrayNode) v, errors);
            }
            case RECORD -> {
                if (!v.isObject()) return fail(errors, f, "expected a record", v);
                ObjectNode sub = Field.F.objectNode();
                ObjectNode in = f.shorthands.isEmpty() ? (ObjectNode) v : Shorthands.expand(f, (ObjectNode) v, sub);
                ObjectNode completed = complete(f.fields, in, sub);
                if (!sub.isEmpty()) errors.set(f.name, sub);
                Shorthands.readBack(f, completed);
                return completed;
            }
            case FOREIGN -> {
                if (!v.isObject() || !v.has("id")) {
                    return fail(errors, f, v.isObject() ? "missing primary key" : "expected a record", v);
                }
                if (!isUuid(v.get("id").asText(null))) {
                    errors.putObject(f.name).put("id", "expected a valid UUID");
                    return v;
                }
                ObjectNode ref = Field.F.objectNode();
                ref.put("id", v.get("id").asText());
                return ref;
            }
            case MAP -> {
                if (!v.isObject()) return fail(errors, f, "expected a map", v);
            }
            default -> {
            }
        }
        return v;
    }

    private static boolean isIntegral(JsonNode v) {
        return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
    }

    private static JsonNode range(Field f, JsonNode v, ObjectNode errors) {
        if (f.min != null && (v.asDouble() < f.min || v.asDouble() > f.max)) {
            return fail(errors, f, "value should be between " + f.min + " and " + f.max, v);
        }
        return v;
    }

    private static JsonNode elements(Field f, ArrayNode a, ObjectNode errors) {
        ArrayNode out = Field.F.arrayNode();
        ArrayNode elementErrors = Field.F.arrayNode();
        boolean bad = false;
        Set<JsonNode> seen = new LinkedHashSet<>();
        for (JsonNode e : a) {
            if (f.element == Field.Kind.RECORD) {
                JsonNode err = sourceError(e);
                elementErrors.add(err == null ? NullNode.instance : err);
                bad |= err != null;
                if (f.kind == Field.Kind.SET && !seen.add(e)) continue;
                out.add(e);
                continue;
            }
            boolean ok = f.element == Field.Kind.INTEGER ? isIntegral(e) : e.isTextual();
            elementErrors.add(ok ? NullNode.instance
                    : Field.F.textNode(f.element == Field.Kind.INTEGER ? "expected an integer" : "expected a string"));
            bad |= !ok;
            if (f.kind == Field.Kind.SET && !seen.add(e)) continue;
            out.add(e);
        }
        if (bad) errors.set(f.name, elementErrors);
        return out;
    }

    /** {@code typedefs.sources}/{@code destinations} element: {@code {ip = ip_or_cidr, port = port}}, one of them set. */
    private static JsonNode sourceError(JsonNode e) {
        if (!e.isObject()) return Field.F.textNode("expected a record");
        ObjectNode err = Field.F.objectNode();
        JsonNode ip = e.get("ip");
        JsonNode port = e.get("port");
        if (ip != null && !ip.isNull() && !validIpOrCidr(ip.asText())) {
            err.put("ip", "invalid ip or cidr range: '" + ip.asText() + "'");
        }
        if (port != null && !port.isNull() && (!isIntegral(port) || port.asLong() < 0 || port.asLong() > 65535)) {
            err.put("port", isIntegral(port) ? "value should be between 0 and 65535" : "expected an integer");
        }
        e.fieldNames().forEachRemaining(n -> {
            if (!n.equals("ip") && !n.equals("port")) err.put(n, "unknown field");
        });
        if ((ip == null || ip.isNull()) && (port == null || port.isNull())) {
            err.putArray("@entity").add("at least one of these fields must be non-empty: 'ip', 'port'");
        }
        return err.isEmpty() ? null : err;
    }

    private static boolean validIpOrCidr(String s) {
        String[] parts = s.split("/", -1);
        if (parts.length > 2) return false;
        HostRules.Ip ip = HostRules.normalizeIp(parts[0]);
        if (ip.error() != null || ip.type().equals("name") || ip.port() != null) return false;
        if (parts.length == 1) return true;
        int max = ip.type().equals("ipv4") ? 32 : 128;
        return parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= max;
    }

    private static JsonNode fail(ObjectNode errors, Field f, String message, JsonNode v) {
        errors.put(f.name, message);
        return v;
    }

    /** PATCH merge: records (and plugin config) merged recursively onto {@code stored}, everything else replaced. */
    static ObjectNode merge(List<Field> fields, ObjectNode stored, ObjectNode patch) {
        ObjectNode out = stored.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Field f = null;
            for (Field x : fields) if (x.name.equals(e.getKey())) f = x;
            JsonNode old = out.get(e.getKey());
            if (f != null && f.kind == Field.Kind.RECORD && e.getValue().isObject() && old != null && old.isObject()) {
                ObjectNode base = ((ObjectNode) old).deepCopy();
                f.shorthands.forEach(sh -> base.remove(sh.name())); // read-back copies, not stored values
                out.set(e.getKey(), merge(f.fields, base, (ObjectNode) e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }
}
