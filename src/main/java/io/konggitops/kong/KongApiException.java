package io.konggitops.kong;

import io.konggitops.problem.KongGitopsException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failed Admin API call. {@code status} is the HTTP status (0 for I/O errors); {@code code}, {@code name},
 * {@code kongMessage} and {@code fieldErrors} come from Kong's error body when there is one; {@code entity} is the
 * entity being written (with its manifest source and origin), when there is one.
 */
public class KongApiException extends KongGitopsException {
    private final int status;
    private final Integer code;
    private final String errorName;
    private final String kongMessage;
    private final Map<String, Object> fieldErrors;
    private final transient KongEntity entity;
    private final Duration retryAfter;

    public KongApiException(String message, int status, Integer code, String errorName, String kongMessage,
                            Map<String, Object> fieldErrors, KongEntity entity, Throwable cause) {
        this(message, status, code, errorName, kongMessage, fieldErrors, entity, null, cause);
    }

    /** As above, plus the server's {@code Retry-After} (429/503), when it sent one. */
    public KongApiException(String message, int status, Integer code, String errorName, String kongMessage,
                            Map<String, Object> fieldErrors, KongEntity entity, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.status = status;
        this.code = code;
        this.errorName = errorName;
        this.kongMessage = kongMessage;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.entity = entity;
    }

    public int status() {
        return status;
    }

    public Integer code() {
        return code;
    }

    public String errorName() {
        return errorName;
    }

    public String kongMessage() {
        return kongMessage;
    }

    public Map<String, Object> fieldErrors() {
        return fieldErrors;
    }

    public KongEntity entity() {
        return entity;
    }

    /** How long the server asked to wait before retrying ({@code Retry-After}, seconds or HTTP date), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 5xx, 429 and I/O errors (status 0) may succeed when retried; other 4xx never will. */
    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
