package io.konggitops.problem;

import java.util.Objects;

/**
 * Something wrong (or worth knowing) about the input, reported instead of thrown. A problem names the object it is
 * about when there is one ({@code object} may be null only for file-level problems such as malformed YAML), where it
 * came from ({@code origin}, may be null for objects read from the cluster), what is wrong and what to do.
 */
public record Problem(Severity severity, ObjectRef object, Origin origin, String message, String hint) {
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (object == null && origin == null) {
            throw new IllegalArgumentException("a problem must name its object or its origin: " + message);
        }
        hint = hint == null ? "" : hint;
    }

    public static Problem error(ObjectRef object, Origin origin, String message, String hint) {
        return new Problem(Severity.ERROR, object, origin, message, hint);
    }

    public static Problem warning(ObjectRef object, Origin origin, String message, String hint) {
        return new Problem(Severity.WARNING, object, origin, message, hint);
    }

    public static Problem info(ObjectRef object, Origin origin, String message, String hint) {
        return new Problem(Severity.INFO, object, origin, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code ERROR samples/ingress.yaml:12 Ingress shop/web: message (hint)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (origin != null) sb.append(' ').append(origin);
        if (object != null) sb.append(' ').append(object);
        sb.append(": ").append(message);
        if (!hint.isEmpty()) sb.append(" (").append(hint).append(')');
        return sb.toString();
    }
}
