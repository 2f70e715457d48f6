package io.konggitops.apply;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongApiException;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

/**
 * A write that failed for good, wrapped like decK's {@code crud.ActionError}: the operation ({@code create},
 * {@code update}, {@code delete}, {@code post-config}), the entity kind and label, the manifest object and origin it
 * came from (null for deletes and {@code /config}), the HTTP status (0 = I/O) and a message without secret values.
 */
public record ApplyError(String op, EntityType kind, String name, ObjectRef source, Origin origin, int status,
                         String message, KongApiException cause) {

    /** {@code create route shop.web.80 (ingress.yaml:3 Ingress shop/web) failed: HTTP 400 schema violation ...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(op);
        if (name != null) sb.append(' ').append(name);
        if (origin != null || source != null) {
            sb.append(" (");
            if (origin != null) sb.append(origin);
            if (origin != null && source != null) sb.append(' ');
            if (source != null) sb.append(source);
            sb.append(')');
        }
        return sb.append(" failed: ").append(message).toString();
    }
}
