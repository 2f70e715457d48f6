package io.konggitops.translate;

import io.konggitops.kong.KongTarget;

import java.util.Objects;

/**
 * Switches for one translation.
 *
 * @param ingressClass  the controller class ({@code --ingress-class}, default {@code kong})
 * @param selectTag     tag put on every entity we write ({@code --select-tag}, default {@code managed-by:kong-gitops})
 * @param target        Kong version, router flavor, DB mode
 * @param workspace     Kong workspace for ID generation ({@code ""} by default, as KIC)
 * @param clusterDomain appended to service-upstream DNS names when not empty (KIC {@code --cluster-domain})
 * @param drain         keep terminating endpoints at weight 0 (KIC {@code --enable-drain-support})
 * @param gateway       Gateway API: our controller name, and whether admission runs (only KIC's golden harness
 *                      skips it)
 */
public record TranslateOptions(String ingressClass, String selectTag, KongTarget target, String workspace,
                               String clusterDomain, boolean drain, GatewayOptions gateway) {
    public static final String DEFAULT_INGRESS_CLASS = "kong";
    public static final String DEFAULT_SELECT_TAG = "managed-by:kong-gitops";
    public static final String DEFAULT_GATEWAY_CONTROLLER = "konghq.com/kic-gateway-controller";

    /**
     * @param controllerName GatewayClasses with this {@code spec.controllerName} are ours
     *                       ({@code --gateway-controller-name})
     * @param admission      false only to compare with KIC's golden tests, whose harness admits every route as is
     */
    public record GatewayOptions(String controllerName, boolean admission) {
        public static final GatewayOptions DEFAULT = new GatewayOptions(DEFAULT_GATEWAY_CONTROLLER, true);

        public GatewayOptions {
            controllerName = controllerName == null || controllerName.isEmpty() ? DEFAULT_GATEWAY_CONTROLLER
                    : controllerName;
        }
    }

    public TranslateOptions(String ingressClass, String selectTag, KongTarget target, String workspace,
                            String clusterDomain, boolean drain) {
        this(ingressClass, selectTag, target, workspace, clusterDomain, drain, GatewayOptions.DEFAULT);
    }

    public TranslateOptions {
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(target, "target");
        selectTag = selectTag == null ? "" : selectTag;
        workspace = workspace == null ? "" : workspace;
        clusterDomain = clusterDomain == null ? "" : clusterDomain;
        gateway = gateway == null ? GatewayOptions.DEFAULT : gateway;
    }

    public static TranslateOptions defaults() {
        return new TranslateOptions(DEFAULT_INGRESS_CLASS, DEFAULT_SELECT_TAG, KongTarget.DEFAULT, "", "", false);
    }

    public TranslateOptions withTarget(KongTarget t) {
        return new TranslateOptions(ingressClass, selectTag, t, workspace, clusterDomain, drain, gateway);
    }

    public TranslateOptions withSelectTag(String tag) {
        return new TranslateOptions(ingressClass, tag, target, workspace, clusterDomain, drain, gateway);
    }

    public TranslateOptions withGateway(GatewayOptions g) {
        return new TranslateOptions(ingressClass, selectTag, target, workspace, clusterDomain, drain, g);
    }
}
