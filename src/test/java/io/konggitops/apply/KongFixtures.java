package io.konggitops.apply;

import io.konggitops.diff.Fixtures;
import io.konggitops.kong.KongEntity;
import io.konggitops.testing.kong.TestCertificates;

import java.util.Map;

import static io.konggitops.testing.kong.DoubleAdmin.id;

/**
 * The {@link Fixtures} entities as Kong accepts them: readable test ids ({@code "s1"}) become stable UUIDs
 * ({@link io.konggitops.testing.kong.DoubleAdmin#id}) and certificates carry a real certificate and matching key.
 */
public final class KongFixtures {
    private KongFixtures() {
    }

    public static KongEntity service(String id, String name) {
        return Fixtures.service(id(id), name);
    }

    public static KongEntity route(String id, String name, String serviceId, String... paths) {
        return Fixtures.route(id(id), name, id(serviceId), paths);
    }

    public static KongEntity routePlugin(String id, String name, String routeId, Map<String, Object> config) {
        return Fixtures.routePlugin(id(id), name, id(routeId), config);
    }

    public static KongEntity consumer(String id, String username) {
        return Fixtures.consumer(id(id), username);
    }

    /** A certificate whose PEM pair is made for common name {@code cn}. */
    public static KongEntity certificate(String id, String cn) {
        TestCertificates.Pair pair = TestCertificates.of(cn);
        return Fixtures.certificate(id(id)).with("cert", pair.cert()).with("key", pair.key());
    }

    public static KongEntity certificate(String id) {
        return certificate(id, id);
    }

    public static KongEntity sni(String name, String certId) {
        return Fixtures.sni(name, id(certId));
    }
}
