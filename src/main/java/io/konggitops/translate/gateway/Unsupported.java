package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalPolicyTargetReferenceWithSectionName;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gateway API features kong-gitops does not translate, made explicit (issue 8 item 5): a problem naming the object
 * and the field, and a status condition, never a silent drop.
 * <ul>
 *   <li>HTTPRoute filters other than RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect, URLRewrite and
 *       ExtensionRef ({@code RequestMirror}, {@code CORS}, {@code ExternalAuth}...), GRPCRoute filters other than the
 *       header modifiers and ExtensionRef, and per-backend {@code backendRefs[].filters}: the route is not accepted
 *       (every parent of ours: {@code Accepted=False, UnsupportedValue}) and not translated, as KIC fails the
 *       translation of such a route. An error problem per field.</li>
 *   <li>GAMMA routes (a parentRef to a {@code Service}): that parent gets {@code Accepted=False, UnsupportedValue}
 *       (see {@link Attachment}); a warning.</li>
 *   <li>BackendTLSPolicy: a warning on the policy (Kong would connect to the Service without the TLS it asks for),
 *       and routes using a targeted Service get {@code ResolvedRefs=False, UnsupportedValue}.</li>
 * </ul>
 * Translators never see a rejected route, so they need not report these again.
 */
final class Unsupported {
    private static final Set<String> HTTP_FILTERS = Set.of("RequestHeaderModifier", "ResponseHeaderModifier",
            "RequestRedirect", "URLRewrite", "ExtensionRef");
    private static final Set<String> GRPC_FILTERS = Set.of("RequestHeaderModifier", "ResponseHeaderModifier",
            "ExtensionRef");

    private Unsupported() {
    }

    /** One unsupported field of a route. */
    record Finding(String field, String what, String hint) {
        String message() {
            return field + ": " + what;
        }
    }

    /** The unsupported fields of a (defaulted) route, in order. */
    static List<Finding> of(ManifestObject route) {
        List<Finding> out = new ArrayList<>();
        if (route.object() instanceof HTTPRoute r && r.getSpec() != null && r.getSpec().getRules() != null) {
            List<HTTPRouteRule> rules = r.getSpec().getRules();
            for (int i = 0; i < rules.size(); i++) {
                httpFilters(out, "spec.rules[" + i + "].filters", rules.get(i).getFilters());
                List<HTTPBackendRef> refs = rules.get(i).getBackendRefs();
                for (int j = 0; refs != null && j < refs.size(); j++) {
                    if (refs.get(j).getFilters() != null && !refs.get(j).getFilters().isEmpty()) {
                        out.add(perBackend("spec.rules[" + i + "].backendRefs[" + j + "].filters"));
                    }
                }
            }
        }
        if (route.object() instanceof GRPCRoute r && r.getSpec() != null && r.getSpec().getRules() != null) {
            List<GRPCRouteRule> rules = r.getSpec().getRules();
            for (int i = 0; i < rules.size(); i++) {
                grpcFilters(out, "spec.rules[" + i + "].filters", rules.get(i).getFilters());
                List<GRPCBackendRef> refs = rules.get(i).getBackendRefs();
                for (int j = 0; refs != null && j < refs.size(); j++) {
                    if (refs.get(j).getFilters() != null && !refs.get(j).getFilters().isEmpty()) {
                        out.add(perBackend("spec.rules[" + i + "].backendRefs[" + j + "].filters"));
                    }
                }
            }
        }
        return out;
    }

    private static void httpFilters(List<Finding> out, String field, List<HTTPRouteFilter> filters) {
        for (int j = 0; filters != null && j < filters.size(); j++) {
            String type = filters.get(j).getType();
            if (!HTTP_FILTERS.contains(type)) out.add(filter(field + "[" + j + "]", type));
        }
    }

    private static void grpcFilters(List<Finding> out, String field, List<GRPCRouteFilter> filters) {
        for (int j = 0; filters != null && j < filters.size(); j++) {
            String type = filters.get(j).getType();
            if (!GRPC_FILTERS.contains(type)) out.add(filter(field + "[" + j + "]", type));
        }
    }

    private static Finding filter(String field, String type) {
        String hint = switch (type == null ? "" : type) {
            case "RequestMirror" -> "remove the filter (Kong has no request mirroring), or mirror with a Kong plugin "
                    + "through an ExtensionRef filter";
            case "CORS" -> "remove the filter and attach Kong's cors plugin through an ExtensionRef filter to a "
                    + "KongPlugin";
            default -> "remove the filter, or use a Kong plugin through an ExtensionRef filter";
        };
        return new Finding(field, "filter " + type + " is not supported by kong-gitops", hint);
    }

    private static Finding perBackend(String field) {
        return new Finding(field, "per-backend filters are not supported by kong-gitops",
                "move the filters to the rule (spec.rules[].filters), or split the rule per backend");
    }

    /** Reports each finding as an error on the route. */
    static void report(ManifestObject route, List<Finding> findings, Diagnostics diag) {
        for (Finding f : findings) {
            diag.report(Severity.ERROR, route, f.message() + "; the route is not accepted and not translated "
                    + "(Accepted=False, UnsupportedValue)", f.hint());
        }
    }

    /**
     * Every BackendTLSPolicy: a warning each; returns the Services they target ({@code ns/name}), whose routes get
     * {@code ResolvedRefs=False}.
     */
    static Set<String> backendTlsPolicies(Manifests manifests, Diagnostics diag) {
        Set<String> targeted = new LinkedHashSet<>();
        for (ManifestObject mo : manifests.objects()) {
            if (!(mo.object() instanceof BackendTLSPolicy p)) continue;
            List<String> services = new ArrayList<>();
            if (p.getSpec() != null && p.getSpec().getTargetRefs() != null) {
                for (LocalPolicyTargetReferenceWithSectionName t : p.getSpec().getTargetRefs()) {
                    if ("Service".equals(t.getKind()) && (t.getGroup() == null || t.getGroup().isEmpty())) {
                        targeted.add(mo.namespace() + "/" + t.getName());
                        services.add(mo.namespace() + "/" + t.getName());
                    }
                }
            }
            diag.report(Severity.WARNING, mo, "BackendTLSPolicy is not supported by kong-gitops: Kong connects to "
                    + (services.isEmpty() ? "its targets" : "Service " + String.join(", ", services))
                    + " without the TLS origination and validation it asks for; routes to "
                    + (services.size() == 1 ? "it" : "them") + " get ResolvedRefs=False (UnsupportedValue)",
                    "set the Kong service protocol with the konghq.com/protocol annotation on the Service (https) and "
                            + "its CA with konghq.com/ca-certificates-secrets, then remove the policy");
        }
        return targeted;
    }
}
