package io.konggitops.translate.naming;

import io.konggitops.translate.upstream.PortDef;

/** Kong entity names exactly as KIC builds them for Ingress (kic-translation §1.2). */
public final class KongNames {
    private KongNames() {
    }

    /** Kong service: {@code <ingressNamespace>.<serviceName>.<port>}. */
    public static String ingressService(String namespace, String serviceName, PortDef port) {
        return namespace + "." + serviceName + "." + port.canonical();
    }

    /** Kong service host and upstream name: {@code <serviceName>.<namespace>.<port>.svc}. */
    public static String serviceHost(String serviceName, String namespace, PortDef port) {
        return serviceName + "." + namespace + "." + port.canonical() + ".svc";
    }

    /**
     * Kong route: {@code <ns>.<ingress>.<service>.<host>.<port>}; {@code *} in the host becomes {@code _}, an empty
     * host gives {@code ..}.
     */
    public static String ingressRoute(String namespace, String ingressName, String serviceName, String host,
                                      PortDef port) {
        String h = host == null ? "" : host.replace("*", "_");
        return namespace + "." + ingressName + "." + serviceName + "." + h + "." + port.canonical();
    }

    /** Default-backend route: {@code <ingressNamespace>.<ingressName>}. */
    public static String defaultBackendRoute(String namespace, String ingressName) {
        return namespace + "." + ingressName;
    }

    /** Service-upstream target host: {@code <svc>.<ns>.svc[.<clusterDomain>]}. */
    public static String serviceDnsName(String serviceName, String namespace, String clusterDomain) {
        String base = serviceName + "." + namespace + ".svc";
        return clusterDomain == null || clusterDomain.isEmpty() ? base : base + "." + clusterDomain;
    }
}
