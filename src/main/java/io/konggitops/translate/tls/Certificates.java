package io.konggitops.translate.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.naming.KongIds;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Kong certificates from TLS Secrets (kic-translation §1.7, §4.1): Ingress {@code spec.tls} and Gateway listeners
 * claim hosts for Secrets (first come first served), client-certificate Secrets are added without SNIs; every
 * Secret's pair is validated; identical cert+key pairs are merged into one certificate whose id is the UID of the
 * oldest Secret (ties: smallest UID).
 */
public final class Certificates {
    /** One Kong certificate with its SNIs (sorted). */
    public record Built(String id, String cert, String key, List<String> tags, List<String> snis, ObjectRef source,
                        Origin origin) {
    }

    private record Use(String namespace, String name, LinkedHashSet<String> hosts, List<ManifestObject> referrers) {
    }

    private final LinkedHashMap<String, Use> uses = new LinkedHashMap<>();
    private final Map<String, String> hostOwner = new HashMap<>();
    private final Diagnostics diag;

    public Certificates(Diagnostics diag) {
        this.diag = diag;
    }

    /** An Ingress {@code spec.tls[]} entry; a host already claimed by another Secret is reported and skipped. */
    public void addIngressTls(ManifestObject ingress, String secretName, List<String> hosts) {
        String ns = ingress.namespace();
        String key = ns + "/" + secretName;
        Use use = use(ns, secretName);
        if (!use.referrers.contains(ingress)) use.referrers.add(ingress);
        for (String h : hosts) {
            String owner = hostOwner.putIfAbsent(h, key);
            if (owner == null || owner.equals(key)) {
                use.hosts.add(h);
            } else {
                diag.report(Severity.WARNING, ingress, "conflicting TLS hosts: host " + h + " of Secret " + key
                                + " is already served by Secret " + owner + "; the first one wins (as in KIC)",
                        "use one Secret per host across all Ingresses");
            }
        }
    }

    /**
     * A Gateway listener's certificate Secret (kic-translation §4.1): it serves {@code sni} (the listener's hostname,
     * or {@code *} for any). Claims are first come first served across Ingress TLS and listeners, as KIC merges them.
     */
    public void addListenerCertificate(ManifestObject gateway, String namespace, String secretName, String sni) {
        String key = namespace + "/" + secretName;
        Use use = use(namespace, secretName);
        if (!use.referrers.contains(gateway)) use.referrers.add(gateway);
        String owner = hostOwner.putIfAbsent(sni, key);
        if (owner == null || owner.equals(key)) {
            use.hosts.add(sni);
        } else {
            diag.report(Severity.WARNING, gateway, "conflicting TLS hosts: SNI " + sni + " of Secret " + key
                    + " is already served by Secret " + owner + "; the first one wins (as in KIC)",
                    "use one certificate per hostname across Ingresses and Gateway listeners");
        }
    }

    /** A Secret used as a service client certificate ({@code konghq.com/client-cert}). */
    public void addClientCertificate(ManifestObject referrer, String namespace, String secretName) {
        Use use = use(namespace, secretName);
        if (!use.referrers.contains(referrer)) use.referrers.add(referrer);
    }

    private Use use(String ns, String name) {
        return uses.computeIfAbsent(ns + "/" + name,
                k -> new Use(ns, name, new LinkedHashSet<>(), new ArrayList<>()));
    }

    /**
     * Resolves, validates and merges. {@code idsBySecret} receives {@code ns/name → certificate id} for every Secret
     * that made it into a certificate.
     */
    public List<Built> build(ClusterView view, String workspace, Map<String, String> idsBySecret) {
        record Valid(Use use, Secret secret, String cert, String key) {
        }
        LinkedHashMap<String, List<Valid>> byPair = new LinkedHashMap<>();
        for (Use use : uses.values()) {
            Optional<Secret> secret = view.secret(use.namespace, use.name);
            if (secret.isEmpty()) {
                for (ManifestObject ref : use.referrers) {
                    diag.report(Severity.ERROR, ref, "TLS Secret " + use.namespace + "/" + use.name
                            + " not found", "create the Secret (type kubernetes.io/tls) or fix the secret name");
                }
                continue;
            }
            String cert = PemKeyPair.trim(SecretData.value(secret.get(), "tls.crt").orElse(null));
            String key = PemKeyPair.trim(SecretData.value(secret.get(), "tls.key").orElse(null));
            String why = PemKeyPair.problem(cert, key);
            if (why != null) {
                String msg = "Secret " + use.namespace + "/" + use.name + " is not a valid TLS key pair: " + why;
                String hint = "put a PEM certificate in tls.crt and its matching PEM private key in tls.key";
                for (ManifestObject ref : use.referrers) diag.report(Severity.ERROR, ref, msg, hint);
                diag.reportCluster(Severity.ERROR, "Secret", use.namespace, use.name, msg, hint);
                continue;
            }
            byPair.computeIfAbsent(cert + "\n" + key, k -> new ArrayList<>())
                    .add(new Valid(use, secret.get(), cert, key));
        }
        List<Built> out = new ArrayList<>();
        for (List<Valid> group : byPair.values()) {
            Valid first = group.stream().min(Comparator
                    .comparing((Valid v) -> timestamp(v.secret), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(v -> uid(v.secret), Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
            String id = uid(first.secret) != null ? uid(first.secret)
                    : KongIds.certificateWithoutUid(workspace, first.use.namespace, first.use.name);
            TreeSet<String> snis = new TreeSet<>();
            for (Valid v : group) {
                snis.addAll(v.use.hosts);
                idsBySecret.put(v.use.namespace + "/" + v.use.name, id);
            }
            ObjectRef ref = ObjectRef.of("Secret", first.use.namespace, first.use.name);
            Origin origin = view.originOf("Secret", first.use.namespace, first.use.name).orElse(null);
            out.add(new Built(id, first.cert, first.key, KongTags.forObject(first.secret), List.copyOf(snis), ref,
                    origin));
        }
        return out;
    }

    private static String timestamp(Secret s) {
        return s.getMetadata() == null ? null : s.getMetadata().getCreationTimestamp();
    }

    private static String uid(Secret s) {
        String u = s.getMetadata() == null ? null : s.getMetadata().getUid();
        return u == null || u.isEmpty() ? null : u;
    }
}
