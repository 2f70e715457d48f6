package io.konggitops.kong.kinds;

/** How an entity kind is written to the Admin API. */
public enum WriteStrategy {
    /** {@code PUT /{collection}/{id}}: a full-replace upsert; {@code DELETE /{collection}/{id}}. */
    PUT_BY_ID,
    /**
     * Under the parent's collection ({@code /upstreams/{u}/targets}): created with {@code POST}, updated with
     * {@code PUT /.../{id}} (not an upsert), deleted with {@code DELETE /.../{id}}.
     */
    UNDER_PARENT;

    /**
     * Whether an update merges the fields sent into the stored entity ({@code PUT /upstreams/{u}/targets/{t}} is
     * Kong's {@code update_entity}, {@code kong/api/routes/upstreams.lua}) instead of replacing it: such a write must
     * carry every field it means to set, defaults included.
     */
    public boolean mergesOnUpdate() {
        return this == UNDER_PARENT;
    }
}
