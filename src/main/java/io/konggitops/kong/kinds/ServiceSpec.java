package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code services}: named, may reference a client certificate; {@code url} is a write-only shorthand. */
public final class ServiceSpec implements EntitySpec {
    @Override public String endpoint() { return "services"; }
    @Override public String deckKey() { return "services"; }
    @Override public String schemaName() { return "services"; }
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

    /** Kong expands {@code url} into protocol, host, port and path. */
    @Override
    public void normalize(Map<String, Object> m) {
        if (!(m.remove("url") instanceof String url)) return;
        URI u = URI.create(url);
        String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(Locale.ROOT);
        m.put("protocol", scheme);
        if (u.getHost() != null) m.put("host", u.getHost());
        int port = u.getPort();
        m.put("port", (long) (port > 0 ? port : (scheme.equals("https") || scheme.equals("grpcs")
                || scheme.equals("tls") || scheme.equals("wss") ? 443 : 80)));
        String path = u.getRawPath();
        m.put("path", path == null || path.isEmpty() ? null : path);
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("name");
    }
}
