package io.konggitops.translate.atc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Kong expressions-router (ATC) matcher, as KIC's {@code translator/atc} builds them: predicates combined with
 * {@code &&} and {@code ||}. Rendering follows KIC: empty parts are dropped, a combination of one part is that part,
 * otherwise each part is wrapped in parentheses.
 */
public sealed interface Matcher permits Matcher.Predicate, Matcher.And, Matcher.Or {
    /** The expression text; {@code ""} for an empty combination. */
    String expression();

    /** {@code field op value}: a string value is quoted and escaped, an integer is written as is. */
    record Predicate(Field field, Op op, Object value) implements Matcher {
        public Predicate {
            if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long)) {
                throw new IllegalArgumentException("ATC values are strings or integers, not " + value);
            }
        }

        @Override
        public String expression() {
            String v = value instanceof String s ? Literals.quote(s) : value.toString();
            return field.name() + " " + op.symbol() + " " + v;
        }
    }

    record And(List<Matcher> parts) implements Matcher {
        public And {
            parts = parts.stream().filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public String expression() {
            return join(parts, " && ");
        }
    }

    record Or(List<Matcher> parts) implements Matcher {
        public Or {
            parts = parts.stream().filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public String expression() {
            return join(parts, " || ");
        }
    }

    static Matcher and(Matcher... parts) {
        return new And(Arrays.asList(parts));
    }

    static Matcher or(Matcher... parts) {
        return new Or(Arrays.asList(parts));
    }

    static Matcher predicate(Field field, Op op, Object value) {
        return new Predicate(field, op, value);
    }

    /** True when the matcher renders to nothing (no predicates). */
    default boolean isEmpty() {
        return expression().isEmpty();
    }

    private static String join(List<Matcher> parts, String op) {
        List<String> exprs = new ArrayList<>();
        for (Matcher m : parts) {
            if (m == null) continue;
            String e = m.expression();
            if (!e.isEmpty()) exprs.add(e);
        }
        if (exprs.size() == 1) return exprs.get(0);
        List<String> wrapped = new ArrayList<>();
        for (String e : exprs) wrapped.add("(" + e + ")");
        return String.join(op, wrapped);
    }
}
