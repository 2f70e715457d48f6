package io.konggitops.translate.upstream.policy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deprecated KongIngress ({@code configuration.konghq.com/v1}, Service annotation {@code konghq.com/override}):
 * its {@code upstream} section is applied as KIC's {@code overrideByKongIngress} does (the first Service of the group
 * that names one wins, KIC {@code getKongIngressForServices}), with a deprecation warning on every such Service.
 */
final class KongIngressUpstreams {
    /** The fields of go-kong's upstream that KIC's {@code KongIngressUpstream} copies, JSON names as in the CRD. */
    static final Set<String> FIELDS = Set.of("host_header", "algorithm", "slots", "healthchecks", "hash_on",
            "hash_fallback", "hash_on_header", "hash_fallback_header", "hash_on_cookie", "hash_on_cookie_path",
            "hash_on_query_arg", "hash_fallback_query_arg", "hash_on_uri_capture", "hash_fallback_uri_capture");

    private final Diagnostics diag;
    private final Map<String, ManifestObject> byKey = new LinkedHashMap<>();

    KongIngressUpstreams(Manifests manifests, Diagnostics diag) {
        this.diag = diag;
        manifests.ofKind("KongIngress").forEach(mo -> {
            byKey.put(mo.namespace() + "/" + mo.name(), mo);
            Map<String, Object> props = props(mo);
            for (String section : List.of("proxy", "route")) {
                if (props.get(section) != null) {
                    diag.report(Severity.WARNING, mo, "the " + section + " section of KongIngress is not applied "
                                    + "(only upstream is)", "move these settings to konghq.com/* annotations on the "
                                    + (section.equals("proxy") ? "Service" : "Ingress"));
                }
            }
            if (props.get("upstream") instanceof Map<?, ?> up) {
                for (Object k : up.keySet()) {
                    if (!FIELDS.contains(String.valueOf(k))) {
                        diag.report(Severity.WARNING, mo, "upstream." + k + " is not a KongIngress upstream field; "
                                + "it is ignored", "use one of " + String.join(", ", FIELDS.stream().sorted().toList()));
                    }
                }
            }
        });
    }

    Map<String, Object> fieldsFor(List<Service> group) {
        for (Service svc : group) {
            Optional<String> name = UpstreamPolicies.annotation(svc, UpstreamPolicies.OVERRIDE_ANNOTATION);
            if (name.isEmpty()) continue;
            deprecated(group);
            String ns = svc.getMetadata().getNamespace();
            ManifestObject mo = byKey.get(ns + "/" + name.get());
            if (mo == null) {
                for (Service s : group) {
                    diag.reportCluster(Severity.ERROR, "Service", s.getMetadata().getNamespace(),
                            s.getMetadata().getName(), "failed to get KongIngress " + ns + "/" + name.get()
                                    + " named by " + UpstreamPolicies.OVERRIDE_ANNOTATION + ": it is not in the "
                                    + "repository", "add it, or better migrate to a KongUpstreamPolicy and "
                                    + UpstreamPolicies.POLICY_ANNOTATION);
                }
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (props(mo).get("upstream") instanceof Map<?, ?> up) {
                for (Map.Entry<?, ?> e : up.entrySet()) {
                    String k = String.valueOf(e.getKey());
                    if (FIELDS.contains(k) && e.getValue() != null) out.put(k, e.getValue());
                }
            }
            return out;
        }
        return Map.of();
    }

    private void deprecated(List<Service> group) {
        for (Service svc : group) {
            if (UpstreamPolicies.annotation(svc, UpstreamPolicies.OVERRIDE_ANNOTATION).isEmpty()) continue;
            boolean both = UpstreamPolicies.annotation(svc, UpstreamPolicies.POLICY_ANNOTATION).isPresent();
            diag.reportCluster(Severity.WARNING, "Service", svc.getMetadata().getNamespace(),
                    svc.getMetadata().getName(), both
                            ? "Service uses both " + UpstreamPolicies.OVERRIDE_ANNOTATION + " and "
                            + UpstreamPolicies.POLICY_ANNOTATION + "; settings from the KongUpstreamPolicy take "
                            + "precedence"
                            : "Service uses the deprecated " + UpstreamPolicies.OVERRIDE_ANNOTATION + " annotation "
                            + "and KongIngress", "migrate to " + UpstreamPolicies.POLICY_ANNOTATION
                            + " and a KongUpstreamPolicy, and remove " + UpstreamPolicies.OVERRIDE_ANNOTATION);
        }
    }

    private static Map<String, Object> props(ManifestObject mo) {
        return mo.object() instanceof GenericKubernetesResource g ? g.getAdditionalProperties() : Map.of();
    }
}
