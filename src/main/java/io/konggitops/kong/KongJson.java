package io.konggitops.kong;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical immutable JSON values for entity fields: {@code String}, {@code Boolean}, {@code Long} (every integral
 * number), {@code Double} (every other number), {@code List}, {@code Map} (keys sorted) and {@code null}. Two values
 * that mean the same JSON compare equal with {@link Object#equals}.
 */
public final class KongJson {
    private KongJson() {
    }

    /** Deep canonical copy of a JSON-like Java value (as produced by Jackson, SnakeYAML or hand-built maps). */
    public static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return canonicalNumber(n);
        }
        if (value instanceof Map<?, ?> m) {
            return canonicalMap(m);
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) out.add(canonical(o));
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Object[] arr) {
            return canonical(List.of(arr));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Deep canonical copy of a JSON object. */
    public static Map<String, Object> canonicalMap(Map<?, ?> m) {
        TreeMap<String, Object> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), canonical(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object canonicalNumber(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger b) {
            return b.longValueExact();
        }
        BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException tooBig) {
                return d.doubleValue();
            }
        }
        return d.doubleValue();
    }
}
