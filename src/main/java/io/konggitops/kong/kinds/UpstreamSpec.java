package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code upstreams}: named load balancers; their targets live under them. */
public final class UpstreamSpec implements EntitySpec {
    @Override public String endpoint() { return "upstreams"; }
    @Override public String deckKey() { return "upstreams"; }
    @Override public String schemaName() { return "upstreams"; }
    @Override public int level() { return 2; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("client_certificate", EntityType.CERTIFICATE));
    }

    @Override public List<String> referenceFields() { return List.of("name"); }
    @Override public Optional<String> endpointKey() { return Optional.of("name"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return EntitySpec.key("name", e.name());
    }

    /**
     * Kong's shorthand coupling of {@code hash_on} and {@code algorithm}. {@code sticky-sessions} (Kong Gateway 3.11+,
     * not in the open-source schema) is kept as is: it requires {@code hash_on: none}, which the open-source shorthand
     * would turn into round-robin.
     */
    @Override
    public void normalize(Map<String, Object> m) {
        Object algorithm = m.get("algorithm");
        Object hashOn = m.get("hash_on");
        if ("sticky-sessions".equals(algorithm)) {
            return;
        } else if ("least-connections".equals(algorithm) || "latency".equals(algorithm)) {
            m.put("hash_on", "none");
        } else if (hashOn != null) {
            m.put("algorithm", "none".equals(hashOn) ? "round-robin" : "consistent-hashing");
        }
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("name");
    }
}
