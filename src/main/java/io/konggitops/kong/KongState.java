package io.konggitops.kong;

import java.util.List;
import java.util.stream.Stream;

/** A whole Kong configuration as flat entities: what translation wants, or what an Admin API read found. */
public record KongState(List<KongEntity> entities) {
    public static final KongState EMPTY = new KongState(List.of());

    public KongState {
        entities = List.copyOf(entities);
    }

    public Stream<KongEntity> of(EntityType type) {
        return entities.stream().filter(e -> e.type() == type);
    }

    public int size() {
        return entities.size();
    }

    public boolean isEmpty() {
        return entities.isEmpty();
    }
}
