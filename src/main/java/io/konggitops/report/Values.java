package io.konggitops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;

/** How field values and change sources are printed, shared by the renderers. */
final class Values {
    static final String SENSITIVE = "(sensitive value changed)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Values() {
    }

    /** A JSON rendering of a value ({@code null} when absent); never called for sensitive fields. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static String before(FieldChange f) {
        return f.sensitive() ? SENSITIVE : json(f.before());
    }

    static String after(FieldChange f) {
        return f.sensitive() ? SENSITIVE : json(f.after());
    }

    /** {@code shop/ingress.yaml:3 Ingress shop/web}, or empty. */
    static String source(Change c) {
        StringBuilder sb = new StringBuilder();
        if (c.origin() != null) sb.append(c.origin());
        if (c.source() != null) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.source());
        }
        return sb.toString();
    }

    /** {@code " (runs code)"} after the label of a plugin that runs code from its config, else empty. */
    static String codeMarker(Change c) {
        return io.konggitops.kong.CodeExecutingPlugins.is(c.entity()) ? " (runs code)" : "";
    }

    static String verb(Change c) {
        return switch (c.action()) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DELETE -> "delete";
        };
    }
}
