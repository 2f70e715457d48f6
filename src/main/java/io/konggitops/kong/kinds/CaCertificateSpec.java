package io.konggitops.kong.kinds;

import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ca_certificates}: unnamed, identified by PEM; Kong computes {@code cert_digest}. */
public final class CaCertificateSpec implements EntitySpec {
    @Override public String endpoint() { return "ca_certificates"; }
    @Override public String deckKey() { return "ca_certificates"; }
    @Override public String schemaName() { return "ca_certificates"; }
    @Override public int level() { return 1; }
    @Override public List<String> labelFields() { return List.of("id"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return Pems.naturalKeys(e);
    }

    @Override
    public Set<String> computedFields() {
        return Set.of("created_at", "updated_at", "cert_digest");
    }

    @Override
    public void normalize(Map<String, Object> m) {
        Pems.trim(m, "cert");
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("cert");
    }
}
