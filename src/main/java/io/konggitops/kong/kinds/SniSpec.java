package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code snis}: named host names of a certificate; nested under it in a decK file, still naming it. */
public final class SniSpec implements EntitySpec {
    @Override public String endpoint() { return "snis"; }
    @Override public String deckKey() { return "snis"; }
    @Override public String schemaName() { return "snis"; }
    @Override public int level() { return 2; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("certificate", EntityType.CERTIFICATE));
    }

    @Override public List<String> referenceFields() { return List.of("name"); }
    @Override public Optional<String> endpointKey() { return Optional.of("name"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return EntitySpec.key("name", e.name());
    }

    @Override
    public List<DeckNesting> deckParents() {
        return List.of(new DeckNesting(EntityType.CERTIFICATE, "snis", "certificate", true, false));
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return Comparator.comparing(x -> x.get("name") == null ? "" : x.get("name").toString());
    }
}
