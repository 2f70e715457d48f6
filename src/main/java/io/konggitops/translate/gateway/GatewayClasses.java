package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The GatewayClasses of the repository whose {@code spec.controllerName} is ours ({@code --gateway-controller-name},
 * KIC {@code isGatewayClassControlled}). Classes are cluster-scoped and read from the repository only.
 */
final class GatewayClasses {
    private final Set<String> ours = new LinkedHashSet<>();
    private final Set<String> known = new LinkedHashSet<>();

    GatewayClasses(Manifests manifests, String controllerName) {
        for (ManifestObject mo : manifests.objects()) {
            if (!(mo.object() instanceof GatewayClass c)) continue;
            known.add(mo.name());
            if (c.getSpec() != null && controllerName.equals(c.getSpec().getControllerName())) ours.add(mo.name());
        }
    }

    boolean ours(String className) {
        return ours.contains(className);
    }

    boolean known(String className) {
        return known.contains(className);
    }
}
