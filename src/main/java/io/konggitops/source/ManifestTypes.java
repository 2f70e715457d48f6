package io.konggitops.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fabric8 class a manifest becomes, for the kinds kong-gitops reads. Converting to a known class directly
 * avoids fabric8's polymorphic {@code HasMetadata} lookup, whose registry loads every model class on first use
 * (about half a second of a cold start). Kong CRDs have no model and become {@link GenericKubernetesResource};
 * another version of a kind we read goes through fabric8's registry as before, and objects of kinds we do not read
 * are loaded header only ({@link OtherKinds}). The table is built from the classes' own
 * {@code @Group}/{@code @Version} annotations, so it cannot disagree with fabric8.
 */
final class ManifestTypes {
    private static final String KONG_GROUP = "configuration.konghq.com";
    private static final List<Class<? extends HasMetadata>> KNOWN = List.of(
            Service.class, Secret.class, Namespace.class, Ingress.class, IngressClass.class,
            EndpointSlice.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TCPRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.UDPRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute.class);
    private static final Map<String, Class<? extends HasMetadata>> BY_TYPE = new HashMap<>();
    /** group|kind of the kinds above, in any version. */
    private static final Set<String> READ_KINDS = new HashSet<>();

    static {
        for (Class<? extends HasMetadata> c : KNOWN) {
            BY_TYPE.put(HasMetadata.getApiVersion(c) + "|" + HasMetadata.getKind(c), c);
            READ_KINDS.add(HasMetadata.getGroup(c) + "|" + HasMetadata.getKind(c));
        }
    }

    private ManifestTypes() {
    }

    /**
     * Whether a manifest is converted whole: a kind kong-gitops reads (in any version of its group: another version
     * goes through fabric8's registry, as before) or a Kong CRD. Other objects are loaded header only
     * ({@link OtherKinds}).
     */
    static boolean isRead(String apiVersion, String kind) {
        return apiVersion.startsWith(KONG_GROUP + "/") || READ_KINDS.contains(KnownKinds.group(apiVersion) + "|" + kind);
    }

    /** The class to convert a manifest of this apiVersion and kind to. */
    static Class<? extends HasMetadata> classFor(String apiVersion, String kind) {
        Class<? extends HasMetadata> known = BY_TYPE.get(apiVersion + "|" + kind);
        if (known != null) return known;
        if (apiVersion.startsWith(KONG_GROUP + "/")) return GenericKubernetesResource.class;
        return HasMetadata.class;
    }
}
