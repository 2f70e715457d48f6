package io.konggitops.diff;

import java.util.List;

/**
 * How to diff. {@code selectTags}: the ownership tags (all must be present on a live entity for it to be managed;
 * every desired entity gets them). {@code strict}: when a kind or plugin has no schema, also report fields that only
 * the live side has (by default they are tolerated as server defaults).
 */
public record DiffOptions(List<String> selectTags, boolean strict) {
    public static final String DEFAULT_SELECT_TAG = "managed-by:kong-gitops";

    public DiffOptions {
        selectTags = selectTags == null ? List.of() : List.copyOf(selectTags);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(List.of(DEFAULT_SELECT_TAG), false);
    }

    public static DiffOptions selectTags(String... tags) {
        return new DiffOptions(List.of(tags), false);
    }
}
