package io.konggitops.translate.ingress;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.tls.Certificates;
import io.konggitops.translate.tls.SecretData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code konghq.com/*} annotations of the Kubernetes Service applied to the Kong service (and upstream host header),
 * as KIC's {@code kongstate/service.go overrideByAnnotation} (kic-translation §2.2).
 */
public final class ServiceAnnotations {
    static final String PROTOCOL = "konghq.com/protocol";
    static final String PATH = "konghq.com/path";
    static final String CONNECT_TIMEOUT = "konghq.com/connect-timeout";
    static final String READ_TIMEOUT = "konghq.com/read-timeout";
    static final String WRITE_TIMEOUT = "konghq.com/write-timeout";
    static final String RETRIES = "konghq.com/retries";
    static final String HOST_HEADER = "konghq.com/host-header";
    static final String TLS_VERIFY = "konghq.com/tls-verify";
    static final String TLS_VERIFY_DEPTH = "konghq.com/tls-verify-depth";
    static final String CLIENT_CERT = "konghq.com/client-cert";
    static final String CA_CERTIFICATES_SECRETS = "konghq.com/ca-certificates-secrets";
    static final String CA_CERTIFICATES_CONFIGMAPS = "konghq.com/ca-certificates-configmaps";
    static final String SERVICE_UPSTREAM = "ingress.kubernetes.io/service-upstream";

    private static final Set<String> NON_TLS = Set.of("http", "grpc", "tcp", "tls_passthrough", "udp", "ws");

    private final Diagnostics diag;
    private final ClusterView view;
    private final Certificates certificates;

    public ServiceAnnotations(Diagnostics diag, ClusterView view, Certificates certificates) {
        this.diag = diag;
        this.view = view;
        this.certificates = certificates;
    }

    public void apply(ServiceDraft s, Service svc) {
        Map<String, String> anns = svc.getMetadata().getAnnotations() == null
                ? Map.of() : svc.getMetadata().getAnnotations();
        String ns = svc.getMetadata().getNamespace();
        String name = svc.getMetadata().getName();
        String protocol = anns.get(PROTOCOL);
        if (protocol != null && !protocol.isEmpty()) {
            if (RouteAnnotations.VALID_PROTOCOLS.contains(protocol) || "udp".equals(protocol)) {
                s.protocol = protocol;
            } else {
                diag.reportCluster(Severity.ERROR, "Service", ns, name, "annotation " + PROTOCOL
                        + " has invalid value \"" + protocol + "\"; it is ignored", "use one of http, https, grpc, "
                        + "grpcs, tcp, tls, tls_passthrough, udp, ws, wss");
            }
        }
        String path = anns.get(PATH);
        if (path != null && !path.isEmpty()) {
            if (path.startsWith("/")) {
                s.path = path;
            } else {
                invalid(ns, name, PATH, path, "the path must start with /");
            }
        }
        integer(ns, name, anns, CONNECT_TIMEOUT).ifPresent(v -> s.connectTimeout = v);
        integer(ns, name, anns, WRITE_TIMEOUT).ifPresent(v -> s.writeTimeout = v);
        integer(ns, name, anns, READ_TIMEOUT).ifPresent(v -> s.readTimeout = v);
        integer(ns, name, anns, RETRIES).ifPresent(v -> s.retries = v);
        if ("grpc".equals(s.protocol) || "grpcs".equals(s.protocol)) s.path = null;

        String hostHeader = anns.get(HOST_HEADER);
        if (hostHeader != null && !hostHeader.isEmpty()) s.upstreamHostHeader = hostHeader;

        String tlsVerify = anns.get(TLS_VERIFY);
        if (tlsVerify != null) {
            Boolean b = parseBool(tlsVerify);
            if (b == null) invalid(ns, name, TLS_VERIFY, tlsVerify, "use \"true\" or \"false\"");
            else s.tlsVerify = b;
        }
        if (anns.containsKey(TLS_VERIFY_DEPTH)) integer(ns, name, anns, TLS_VERIFY_DEPTH)
                .ifPresent(v -> s.tlsVerifyDepth = v);

        clientCert(s, ns, name, anns.get(CLIENT_CERT));
        caCertificates(s, ns, name, anns.get(CA_CERTIFICATES_SECRETS));
        if (anns.containsKey(CA_CERTIFICATES_CONFIGMAPS)) {
            notSupported(ns, name, CA_CERTIFICATES_CONFIGMAPS, "use " + CA_CERTIFICATES_SECRETS + " instead");
        }
        // konghq.com/plugins: KongPluginTranslator; konghq.com/override (KongIngress upstream section) and konghq.com/upstream-policy: UpstreamPolicies
    }

    private void clientCert(ServiceDraft s, String ns, String name, String secretName) {
        if (secretName == null || secretName.isEmpty()) return;
        if (NON_TLS.contains(s.protocol)) {
            diag.reportCluster(Severity.ERROR, "Service", ns, name, "annotation " + CLIENT_CERT
                    + " needs a TLS protocol but the service protocol is " + s.protocol, "set konghq.com/protocol: "
                    + "https (or grpcs, tls, wss), or remove " + CLIENT_CERT);
            return;
        }
        s.clientCertSecret = ns + "/" + secretName;
        certificates.addClientCertificate(s.parent, ns, secretName);
    }

    private void caCertificates(ServiceDraft s, String ns, String name, String value) {
        if (value == null || value.isEmpty()) return;
        if (!Boolean.TRUE.equals(s.tlsVerify) || NON_TLS.contains(s.protocol)) {
            diag.reportCluster(Severity.WARNING, "Service", ns, name, "annotation " + CA_CERTIFICATES_SECRETS
                    + " needs " + TLS_VERIFY + ": \"true\" and a TLS protocol; it is ignored",
                    "set konghq.com/tls-verify: \"true\" and konghq.com/protocol: https");
            return;
        }
        List<String> ids = new ArrayList<>();
        for (String raw : value.split(",")) {
            String secretName = raw.trim();
            if (secretName.isEmpty()) continue;
            Optional<Secret> secret = view.secret(ns, secretName);
            Optional<String> id = secret.flatMap(sec -> SecretData.value(sec, "id"));
            if (id.isEmpty()) {
                diag.reportCluster(Severity.ERROR, "Service", ns, name, "annotation " + CA_CERTIFICATES_SECRETS
                        + ": Secret " + ns + "/" + secretName + (secret.isEmpty() ? " not found" : " has no data key id"),
                        "create the CA certificate Secret with keys id and cert");
                continue;
            }
            ids.add(id.get().strip());
        }
        if (!ids.isEmpty()) s.caCertificates = ids;
    }

    private Optional<Long> integer(String ns, String name, Map<String, String> anns, String key) {
        String v = anns.get(key);
        if (v == null) return Optional.empty();
        try {
            return Optional.of((long) Integer.parseInt(v));
        } catch (NumberFormatException e) {
            invalid(ns, name, key, v, "use an integer");
            return Optional.empty();
        }
    }

    /** Go's strconv.ParseBool. */
    static Boolean parseBool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> null;
        };
    }

    private void invalid(String ns, String name, String key, String value, String hint) {
        diag.reportCluster(Severity.WARNING, "Service", ns, name, "annotation " + key + " has invalid value \""
                + value + "\"; it is ignored (as KIC does)", hint);
    }

    private void notSupported(String ns, String name, String key, String hint) {
        diag.reportCluster(Severity.WARNING, "Service", ns, name, "annotation " + key
                + " is not supported yet; it is ignored", hint);
    }

}
