package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code certificates}: unnamed, identified by PEM (not unique in Kong). A full-replace {@code PUT} without
 * {@code snis} deletes every SNI of the certificate, so it is written with the SNI names Kong has now; the SNIs
 * themselves are entities of their own.
 */
public final class CertificateSpec implements EntitySpec {
    @Override public String endpoint() { return "certificates"; }
    @Override public String deckKey() { return "certificates"; }
    @Override public String schemaName() { return "certificates"; }
    @Override public int level() { return 1; }
    @Override public List<String> labelFields() { return List.of("id"); }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return Pems.naturalKeys(e);
    }

    @Override public boolean naturalKeysUnique() { return false; }
    @Override public Set<String> secretFields() { return Set.of("key", "key_alt"); }

    @Override
    public Optional<ChildNames> childNames() {
        return Optional.of(new ChildNames("snis", EntityType.SNI, "certificate"));
    }

    @Override
    public void normalize(Map<String, Object> m) {
        m.remove("snis");
        Pems.trim(m, "cert", "key", "cert_alt", "key_alt");
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("cert");
    }
}
