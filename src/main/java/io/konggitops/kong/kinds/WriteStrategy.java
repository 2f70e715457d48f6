package io.konggitops.kong.kinds;

/** How an entity kind is written to the Admin API. */
public enum WriteStrategy {
    /** {@code PUT /{collection}/{id}}: a full-replace upsert; {@code DELETE /{collection}/{id}}. */
    PUT_BY_ID,
    /**
     * Under the parent's collection ({@code /upstreams/{u}/targets}): created with {@code POST}, updated with
     * {@code PUT /.../{id}} (not an upsert), deleted with {@code DELETE /.../{id}}.
     */
    UNDER_PARENT
}
