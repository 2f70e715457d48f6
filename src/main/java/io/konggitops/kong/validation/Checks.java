package io.konggitops.kong.validation;

import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The violations found on one entity, and typed access to its fields (Kong's default when a field is absent). */
final class Checks {
    private final KongEntity entity;
    private final KongTarget target;
    private final List<Violation> found = new ArrayList<>();

    Checks(KongEntity entity, KongTarget target) {
        this.entity = entity;
        this.target = target;
    }

    KongEntity entity() {
        return entity;
    }

    KongTarget target() {
        return target;
    }

    void fail(String field, String message, String hint) {
        found.add(new Violation(entity, field, message, hint));
    }

    List<Violation> found() {
        return found;
    }

    /** A field's value, or null when absent or JSON null. */
    Object get(String field) {
        return entity.get(field);
    }

    boolean present(String field) {
        Object v = get(field);
        return v != null && !(v instanceof List<?> l && l.isEmpty()) && !(v instanceof Map<?, ?> m && m.isEmpty());
    }

    String string(String field) {
        return get(field) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String field, List<?> orElse) {
        Object v = get(field);
        return v instanceof List<?> l ? (List<Object>) l : (List<Object>) orElse;
    }

    /** The field checked by {@code typedef} when present. */
    void field(String field, Typedef typedef, String hint) {
        Object v = get(field);
        if (v == null) return;
        String why = typedef.check(v);
        if (why != null) fail(field, why, hint);
    }

    /** Each element of an array or set field ({@code tags[2]}). */
    void each(String field, Typedef typedef, String hint) {
        Object v = get(field);
        if (v == null) return;
        if (!(v instanceof List<?> l)) {
            fail(field, "expected an array", hint);
            return;
        }
        for (int i = 0; i < l.size(); i++) {
            String why = typedef.check(l.get(i));
            if (why != null) fail(field + "[" + i + "]", why, hint);
        }
    }

    /** A required field (Kong: "required field missing"). */
    void required(String field, String hint) {
        if (get(field) == null) fail(field, "required field missing", hint);
    }
}
