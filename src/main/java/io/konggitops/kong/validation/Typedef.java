package io.konggitops.kong.validation;

/**
 * A check on one field value, like a Kong typedef ({@code kong/db/schema/typedefs.lua}) or an inline field definition:
 * returns Kong's error wording, or null when the value is accepted.
 */
@FunctionalInterface
interface Typedef {
    String check(Object value);

    /** A typedef that first needs a string (Kong: "expected a string"). */
    static Typedef string(java.util.function.Function<String, String> check) {
        return v -> v instanceof String s ? check.apply(s) : "expected a string";
    }

    /** Kong's {@code between = { min, max }} on an integer field. */
    static Typedef between(long min, long max) {
        return v -> {
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) return "expected an integer";
            long l = n.longValue();
            return l < min || l > max ? "value should be between " + min + " and " + max : null;
        };
    }

    /** Kong's {@code one_of = { ... }}. */
    static Typedef oneOf(java.util.List<?> allowed) {
        return v -> allowed.stream().anyMatch(a -> same(a, v)) ? null : "expected one of: " + String.join(", ",
                allowed.stream().map(String::valueOf).toList());
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }
}
