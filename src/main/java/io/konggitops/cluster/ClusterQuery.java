package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to read from the cluster: the namespaces the manifests reference (Services and EndpointSlices are listed per
 * namespace, never fetched one by one) and the Secrets they name (fetched by name: RBAC usually grants {@code get}
 * on secrets, not {@code list}).
 */
public record ClusterQuery(Set<String> namespaces, Set<Ref> secrets) {

    /** A namespaced object by name. */
    public record Ref(String namespace, String name) implements Comparable<Ref> {
        public Ref {
            namespace = Namespaces.orDefault(namespace);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a reference needs a name");
            }
        }

        @Override
        public int compareTo(Ref o) {
            int c = namespace.compareTo(o.namespace);
            return c != 0 ? c : name.compareTo(o.name);
        }

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** Service annotation naming the client certificate Secret. */
    public static final String CLIENT_CERT = "konghq.com/client-cert";
    /** Service annotation naming CA certificate Secrets (comma list). */
    public static final String CA_CERTIFICATES_SECRETS = "konghq.com/ca-certificates-secrets";

    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    /** The namespaces of the secrets are always read too. */
    public ClusterQuery {
        Set<String> ns = new TreeSet<>(namespaces);
        secrets.forEach(r -> ns.add(r.namespace()));
        namespaces = Set.copyOf(ns);
        secrets = Set.copyOf(secrets);
    }

    public static ClusterQuery of(Collection<String> namespaces, Collection<Ref> secrets) {
        return new ClusterQuery(Set.copyOf(namespaces), Set.copyOf(secrets));
    }

    /** Sorted namespaces, for deterministic request order. */
    public List<String> sortedNamespaces() {
        return new TreeSet<>(namespaces).stream().toList();
    }

    public List<Ref> sortedSecrets() {
        return new TreeSet<>(secrets).stream().toList();
    }

    /**
     * The namespaces and Secrets referenced by the manifests: the namespace of every namespaced object (none = the
     * {@code default} namespace), namespaces of cross-namespace Gateway API references, Ingress TLS secrets, Gateway
     * listener certificateRefs, Service {@code konghq.com/client-cert} and {@code ca-certificates-secrets},
     * KongPlugin/KongClusterPlugin {@code configFrom}/{@code configPatches} secretKeyRefs, KongConsumer credentials,
     * and Secrets defined in the repository (so repo and cluster copies can be compared).
     */
    public static ClusterQuery from(Manifests manifests) {
        Set<String> namespaces = new TreeSet<>();
        Set<Ref> secrets = new TreeSet<>();
        for (ManifestObject mo : manifests.objects()) {
            HasMetadata obj = mo.object();
            if (obj.getMetadata() == null || obj.getKind() == null) {
                continue;
            }
            String ns = Namespaces.effective(obj);
            if (!ns.isEmpty()) {
                namespaces.add(ns);
            }
            Map<String, Object> tree = tree(obj);
            switch (obj.getKind()) {
                case "Secret" -> secrets.add(new Ref(ns, mo.name()));
                case "Service" -> {
                    if (obj instanceof Service service) secrets.addAll(secretsReferencedBy(service));
                }
                case "Ingress" -> {
                    for (Object tls : list(at(tree, "spec", "tls"))) {
                        String name = string(at(tls, "secretName"));
                        if (name != null) secrets.add(new Ref(ns, name));
                    }
                }
                case "Gateway" -> {
                    for (Object listener : list(at(tree, "spec", "listeners"))) {
                        for (Object ref : list(at(listener, "tls", "certificateRefs"))) {
                            String kind = string(at(ref, "kind"));
                            String group = string(at(ref, "group"));
                            String name = string(at(ref, "name"));
                            String refNs = orElse(string(at(ref, "namespace")), ns);
                            namespaces.add(refNs);
                            if (name != null && (kind == null || kind.equals("Secret"))
                                    && (group == null || group.isEmpty())) {
                                secrets.add(new Ref(refNs, name));
                            }
                        }
                    }
                }
                case "HTTPRoute", "GRPCRoute", "TCPRoute", "UDPRoute", "TLSRoute" -> {
                    for (Object rule : list(at(tree, "spec", "rules"))) {
                        for (Object ref : list(at(rule, "backendRefs"))) {
                            String refNs = string(at(ref, "namespace"));
                            if (refNs != null) namespaces.add(refNs);
                        }
                    }
                }
                case "KongPlugin", "KongClusterPlugin" -> {
                    addSecretKeyRef(at(tree, "configFrom", "secretKeyRef"), ns, secrets);
                    for (Object patch : list(at(tree, "configPatches"))) {
                        addSecretKeyRef(at(patch, "valueFrom", "secretKeyRef"), ns, secrets);
                    }
                }
                case "KongConsumer" -> {
                    for (Object credential : list(at(tree, "credentials"))) {
                        String name = string(credential);
                        if (name != null) secrets.add(new Ref(ns, name));
                    }
                }
                default -> {
                }
            }
        }
        return of(namespaces, secrets);
    }

    /** Secrets named by a Service's {@code konghq.com/client-cert} and {@code konghq.com/ca-certificates-secrets}. */
    public static Set<Ref> secretsReferencedBy(Service service) {
        Set<Ref> out = new TreeSet<>();
        Map<String, String> annotations = service.getMetadata() == null ? null
                : service.getMetadata().getAnnotations();
        if (annotations == null) {
            return out;
        }
        String ns = Namespaces.orDefault(service.getMetadata().getNamespace());
        String clientCert = annotations.get(CLIENT_CERT);
        if (clientCert != null && !clientCert.isBlank()) {
            out.add(new Ref(ns, clientCert.trim()));
        }
        String ca = annotations.get(CA_CERTIFICATES_SECRETS);
        if (ca != null) {
            for (String name : ca.split(",")) {
                if (!name.isBlank()) out.add(new Ref(ns, name.trim()));
            }
        }
        return out;
    }

    private static void addSecretKeyRef(Object ref, String ns, Set<Ref> secrets) {
        String name = string(at(ref, "name"));
        if (name != null) {
            String refNs = orElse(string(at(ref, "namespace")), ns);
            if (!refNs.isEmpty()) secrets.add(new Ref(refNs, name));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(HasMetadata obj) {
        return K8S.convertValue(obj, Map.class);
    }

    private static Object at(Object node, String... path) {
        Object cur = node;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> map)) return null;
            cur = map.get(key);
        }
        return cur;
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    private static String string(Object node) {
        return node instanceof String s && !s.isBlank() ? s : null;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
