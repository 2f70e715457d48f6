package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Desired entities shaped like translation output (flat, select-tagged, with manifest source and origin). */
public final class Fixtures {
    public static final String TAG = DiffOptions.DEFAULT_SELECT_TAG;
    public static final DiffOptions OPTIONS = DiffOptions.defaults();
    public static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----";
    public static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIBkey\n-----END PRIVATE KEY-----";

    private Fixtures() {
    }

    public static KongEntity entity(EntityType type, Object... kv) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) f.put((String) kv[i], kv[i + 1]);
        if (!f.containsKey("tags")) f.put("tags", List.of("k8s-name:web", TAG));
        return new KongEntity(type, f, ObjectRef.of("Ingress", "shop", "web"), Origin.of("ingress.yaml", 3));
    }

    public static KongEntity service(String id, String name) {
        return entity(EntityType.SERVICE, "id", id, "name", name, "host", name + ".svc", "port", 80,
                "protocol", "http");
    }

    public static KongEntity route(String id, String name, String serviceId, String... paths) {
        return entity(EntityType.ROUTE, "id", id, "name", name, "service", Map.of("id", serviceId),
                "paths", List.of(paths), "strip_path", false, "preserve_host", true);
    }

    public static KongEntity upstream(String name) {
        return entity(EntityType.UPSTREAM, "name", name);
    }

    public static KongEntity target(String upstream, String target) {
        return entity(EntityType.TARGET, "upstream", Map.of("name", upstream), "target", target, "weight", 100);
    }

    public static KongEntity routePlugin(String id, String name, String routeId, Map<String, Object> config) {
        return entity(EntityType.PLUGIN, "id", id, "name", name, "route", Map.of("id", routeId), "config", config);
    }

    public static KongEntity consumer(String id, String username) {
        return entity(EntityType.CONSUMER, "id", id, "username", username);
    }

    public static KongEntity certificate(String id) {
        return entity(EntityType.CERTIFICATE, "id", id, "cert", CERT, "key", KEY);
    }

    public static KongEntity sni(String name, String certId) {
        return entity(EntityType.SNI, "name", name, "certificate", Map.of("id", certId));
    }

    /** A live entity as Kong returns it: the given fields plus created_at, no manifest source. */
    public static KongEntity live(KongEntity desired, String id) {
        Map<String, Object> f = new LinkedHashMap<>(desired.fields());
        f.put("id", id);
        f.put("created_at", 1_700_000_000L);
        return new KongEntity(desired.type(), f, null, null);
    }

    public static KongState state(KongEntity... entities) {
        return new KongState(List.of(entities));
    }

    public static KongState state(List<KongEntity> entities) {
        return new KongState(new ArrayList<>(entities));
    }

    public static Schemas builtin() {
        return Schemas.builtin(io.konggitops.kong.RouterFlavor.TRADITIONAL_COMPATIBLE);
    }
}
