package io.konggitops.translate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.util.List;

/**
 * Gateway API ReferenceGrants ({@code gateway.networking.k8s.io} v1beta1 or v1) of the repository: may an object of
 * (group, kind) in one namespace refer to an object of (group, kind, name) in another? A grant lives in the target's
 * namespace; its {@code to} entry may name the target or leave the name out (any name).
 */
public final class ReferenceGrants {
    private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String namespace, JsonNode spec) {
    }

    private final List<Grant> grants;

    public ReferenceGrants(Manifests manifests) {
        this.grants = manifests.objects().stream()
                .filter(o -> "ReferenceGrant".equals(o.kind()) && o.object().getApiVersion() != null
                        && o.object().getApiVersion().startsWith(GATEWAY_GROUP + "/"))
                .map(ReferenceGrants::grant)
                .toList();
    }

    private static Grant grant(ManifestObject mo) {
        return new Grant(mo.namespace(), JSON.valueToTree(mo.object()).path("spec"));
    }

    /** True when a grant in {@code toNamespace} lets {@code fromGroup/fromKind} in {@code fromNamespace} refer. */
    public boolean allows(String fromGroup, String fromKind, String fromNamespace, String toGroup, String toKind,
                          String toNamespace, String toName) {
        for (Grant g : grants) {
            if (!g.namespace().equals(toNamespace)) continue;
            boolean fromOk = false;
            for (JsonNode f : g.spec().path("from")) {
                if (f.path("group").asText("").equals(fromGroup) && f.path("kind").asText("").equals(fromKind)
                        && f.path("namespace").asText("").equals(fromNamespace)) {
                    fromOk = true;
                    break;
                }
            }
            if (!fromOk) continue;
            for (JsonNode t : g.spec().path("to")) {
                String name = t.path("name").asText("");
                if (t.path("group").asText("").equals(toGroup) && t.path("kind").asText("").equals(toKind)
                        && (name.isEmpty() || name.equals(toName))) {
                    return true;
                }
            }
        }
        return false;
    }
}
