package io.konggitops.translate.upstream.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream settings Kubernetes Services ask for (KIC {@code FillUpstreamOverrides}, kic-translation §3.3): the
 * deprecated KongIngress {@code upstream} section ({@code konghq.com/override}) first, then the Service's
 * {@code konghq.com/host-header}, then the KongUpstreamPolicy ({@code konghq.com/upstream-policy}), which wins.
 * Every KongUpstreamPolicy of the repository is checked against the CRD's rules once; an invalid one is not applied.
 */
public final class UpstreamPolicies {
    public static final String POLICY_ANNOTATION = "konghq.com/upstream-policy";
    public static final String OVERRIDE_ANNOTATION = "konghq.com/override";
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private record Policy(ManifestObject source, UpstreamPolicySpec spec, boolean valid) {
    }

    private final Diagnostics diag;
    private final String kongVersion;
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final KongIngressUpstreams kongIngresses;

    public UpstreamPolicies(Manifests manifests, Diagnostics diag, String kongVersion) {
        this.diag = diag;
        this.kongVersion = kongVersion;
        manifests.ofKind("KongUpstreamPolicy").forEach(this::load);
        this.kongIngresses = new KongIngressUpstreams(manifests, diag);
    }

    private void load(ManifestObject mo) {
        String key = mo.namespace() + "/" + mo.name();
        Object spec = mo.object() instanceof GenericKubernetesResource g ? g.getAdditionalProperties().get("spec")
                : null;
        UpstreamPolicySpec parsed;
        try {
            parsed = spec == null ? new UpstreamPolicySpec(null, null, null, null, null, null)
                    : JSON.convertValue(spec, UpstreamPolicySpec.class);
        } catch (IllegalArgumentException e) {
            diag.report(Severity.ERROR, mo, "spec cannot be read: " + rootMessage(e),
                    "fix the field types against the KongUpstreamPolicy CRD (configuration.konghq.com/v1beta1)");
            policies.put(key, new Policy(mo, null, false));
            return;
        }
        List<UpstreamPolicyRules.Violation> violations = UpstreamPolicyRules.check(parsed);
        for (UpstreamPolicyRules.Violation v : violations) {
            diag.report(Severity.ERROR, mo, v.field() + ": " + v.message() + " (the CRD rejects this policy; it is "
                    + "not applied)", v.hint());
        }
        policies.put(key, new Policy(mo, parsed, violations.isEmpty()));
    }

    /**
     * The upstream fields for the Kubernetes Services behind one Kong upstream, in the order KIC applies them.
     * {@code hostHeader} is the Services' {@code konghq.com/host-header} (null when not set).
     */
    public Map<String, Object> fieldsFor(List<Service> group, String hostHeader) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (group.isEmpty()) return out;
        out.putAll(kongIngresses.fieldsFor(group));
        if (hostHeader != null) out.put("host_header", hostHeader);
        policyFor(group).ifPresent(p -> out.putAll(UpstreamPolicyMapper.upstreamFields(p.spec())));
        return out;
    }

    /** KIC {@code GetKongUpstreamPolicyForServices}: all Services name the same policy, or none does. */
    private Optional<Policy> policyFor(List<Service> group) {
        Set<String> names = new LinkedHashSet<>();
        for (Service svc : group) names.add(annotation(svc, POLICY_ANNOTATION).orElse(""));
        if (names.size() > 1) {
            for (Service svc : group) {
                report(svc, "inconsistent KongUpstreamPolicy configuration for services " + list(group)
                                + ": they share one Kong upstream; no policy is applied to it",
                        "give every one of these Services the same " + POLICY_ANNOTATION + " annotation, or none");
            }
            return Optional.empty();
        }
        String name = names.iterator().next();
        if (name.isEmpty()) return Optional.empty();
        Service first = group.get(0);
        String ns = first.getMetadata().getNamespace();
        Policy p = policies.get(ns + "/" + name);
        if (p == null) {
            for (Service svc : group) {
                report(svc, "KongUpstreamPolicy " + ns + "/" + name + " named by " + POLICY_ANNOTATION
                        + " is not in the repository; the upstream keeps Kong's defaults",
                        "add the KongUpstreamPolicy to the repository in namespace " + ns + ", or fix the annotation");
            }
            return Optional.empty();
        }
        if (!p.valid()) {
            for (Service svc : group) {
                diag.reportCluster(Severity.WARNING, "Service", svc.getMetadata().getNamespace(),
                        svc.getMetadata().getName(), "KongUpstreamPolicy " + ns + "/" + name + " is invalid and "
                                + "not applied; the upstream keeps Kong's defaults", "fix the problems reported on "
                                + "KongUpstreamPolicy " + ns + "/" + name);
            }
            return Optional.empty();
        }
        if ("sticky-sessions".equals(p.spec().algorithm()) && !atLeast(kongVersion, 3, 11)) {
            for (Service svc : group) {
                report(svc, "sticky sessions algorithm specified in KongUpstreamPolicy " + ns + "/" + name
                                + " is not supported with Kong Gateway versions < 3.11.0 (target Kong " + kongVersion
                                + "); no policy is applied",
                        "upgrade Kong to 3.11 or later (and pass its version), or use consistent-hashing");
            }
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private void report(Service svc, String message, String hint) {
        diag.reportCluster(Severity.ERROR, "Service", svc.getMetadata().getNamespace(), svc.getMetadata().getName(),
                message, hint);
    }

    static Optional<String> annotation(Service svc, String key) {
        Map<String, String> anns = svc.getMetadata().getAnnotations();
        String v = anns == null ? null : anns.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static String list(List<Service> group) {
        List<String> out = new ArrayList<>();
        for (Service s : group) out.add(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName());
        return String.join(", ", out);
    }

    /** True when {@code version} is at least major.minor; an unreadable version counts as recent. */
    public static boolean atLeast(String version, int major, int minor) {
        Matcher m = MAJOR_MINOR.matcher(version == null ? "" : version.trim());
        if (!m.find()) return true;
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || (ma == major && mi >= minor);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
