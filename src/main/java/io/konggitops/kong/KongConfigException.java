package io.konggitops.kong;

import io.konggitops.problem.ObjectRef;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /config} refused a declarative configuration (HTTP 400, {@code invalid declarative configuration}).
 * {@link #entityErrors()} lists Kong's {@code flattened_errors}: which entity failed and why, with the Kubernetes
 * object it came from when its tags say so ({@code k8s-kind}, {@code k8s-namespace}, {@code k8s-name}).
 */
public class KongConfigException extends KongApiException {
    private final transient List<EntityError> entityErrors;

    public KongConfigException(String message, int status, Integer code, String errorName, String kongMessage,
                               Map<String, Object> fieldErrors, Duration retryAfter, List<EntityError> entityErrors) {
        super(message, status, code, errorName, kongMessage, fieldErrors, null, retryAfter, null);
        this.entityErrors = List.copyOf(entityErrors);
    }

    public List<EntityError> entityErrors() {
        return entityErrors;
    }

    /**
     * One entity Kong rejected: {@code entityType} as Kong names it (singular, e.g. {@code service}), its name and id
     * when it has them, the Kubernetes object from its tags (null when untagged), and one message per failed field
     * ({@code field: message}) or entity-level check.
     */
    public record EntityError(String entityType, String entityName, String entityId, ObjectRef source,
                              List<String> messages) {
        public EntityError {
            messages = List.copyOf(messages);
        }

        /** {@code service shop.web.80 (Ingress shop/web): host: required field missing; ...}. */
        @Override
        public String toString() {
            String who = entityType + " " + (entityName != null ? entityName : entityId != null ? entityId : "(unnamed)");
            return who + (source == null ? "" : " (" + source + ")") + ": " + String.join("; ", messages);
        }
    }
}
