package io.konggitops.translate.gateway;

import io.konggitops.cluster.ClusterView;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TranslateOptions;

/**
 * Gateway API admission, as KIC's controllers do it (kic-translation §4.1-4.2): which GatewayClasses and Gateways are
 * ours, which routes their listeners accept, the hostnames left after intersection, and the status conditions.
 * Until admission is implemented no Gateway API route is accepted (nothing is translated from them).
 */
public final class GatewayAdmission {
    private GatewayAdmission() {
    }

    public static GatewayRoutes admit(Manifests manifests, ClusterView view, TranslateOptions options,
                                      Diagnostics diag) {
        return GatewayRoutes.NONE;
    }
}
