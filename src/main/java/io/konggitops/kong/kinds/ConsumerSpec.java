package io.konggitops.kong.kinds;

import io.konggitops.kong.KongEntity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code consumers}: identified by username, else custom_id; their credentials nest under them in decK. */
public final class ConsumerSpec implements EntitySpec {
    @Override public String endpoint() { return "consumers"; }
    @Override public String deckKey() { return "consumers"; }
    @Override public String schemaName() { return "consumers"; }
    @Override public int level() { return 1; }
    @Override public List<String> referenceFields() { return List.of("username", "custom_id"); }
    @Override public Optional<String> endpointKey() { return Optional.of("username"); }
    @Override public List<String> labelFields() { return List.of("username", "custom_id"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        List<String> keys = new ArrayList<>(EntitySpec.key("username", e.string("username")));
        keys.addAll(EntitySpec.key("custom_id", e.string("custom_id")));
        return keys;
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return Comparator.comparing((Map<String, Object> x) -> {
            Object k = x.get("username") != null ? x.get("username") : x.get("custom_id");
            return k == null ? "" : k.toString();
        }, Comparator.reverseOrder());
    }
}
