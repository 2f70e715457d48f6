package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteGroupKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.gateway.status.Condition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listeners of one of our Gateways, checked as a controller would (gateway-api.md §1.2, §3.3; KIC
 * {@code getListenerStatus}): supported protocol, route kinds allowed (explicit {@code allowedRoutes.kinds} or the
 * protocol's), certificate Secrets (kind, ReferenceGrant from the Gateway, existing, PEM key pair) and conflicts
 * between listeners on one port. Problems met are reported here, once.
 */
final class Listeners {
    /** Protocols kong-gitops translates and the route kinds each takes by default and at most. */
    private static final Map<String, Set<RouteKind>> KINDS_BY_PROTOCOL = Map.of(
            "HTTP", EnumSet.of(RouteKind.HTTP_ROUTE, RouteKind.GRPC_ROUTE),
            "HTTPS", EnumSet.of(RouteKind.HTTP_ROUTE, RouteKind.GRPC_ROUTE),
            "TLS", EnumSet.of(RouteKind.TLS_ROUTE),
            "TCP", EnumSet.of(RouteKind.TCP_ROUTE),
            "UDP", EnumSet.of(RouteKind.UDP_ROUTE));

    private Listeners() {
    }

    /**
     * One checked listener.
     *
     * @param kinds      route kinds that may attach (empty when none can)
     * @param accepted   the protocol is supported
     * @param conflict   {@code HostnameConflict} / {@code ProtocolConflict}, or null
     * @param refsReason why {@code ResolvedRefs} is False, or null when it is True
     */
    record Checked(Listener spec, GatewayListener listener, Set<RouteKind> kinds, boolean accepted, String conflict,
                   String refsReason, String refsMessage) {
        /** Routes attached here are translated: accepted and not in conflict. */
        boolean usable() {
            return accepted && conflict == null;
        }

        boolean programmed() {
            return usable() && refsReason == null;
        }

        List<Condition> conditions() {
            List<Condition> out = new ArrayList<>();
            out.add(accepted ? Condition.isTrue("Accepted", "Accepted", "")
                    : Condition.isFalse("Accepted", "UnsupportedProtocol", "protocol " + spec.getProtocol()
                    + " is not supported (HTTP, HTTPS, TLS, TCP, UDP)"));
            out.add(refsReason == null ? Condition.isTrue("ResolvedRefs", "ResolvedRefs", "")
                    : Condition.isFalse("ResolvedRefs", refsReason, refsMessage));
            out.add(conflict == null ? Condition.isFalse("Conflicted", "NoConflicts", "")
                    : new Condition("Conflicted", "True", conflict, "another listener on port " + spec.getPort()
                    + (conflict.equals("HostnameConflict") ? " has the same hostname" : " has an incompatible protocol")));
            out.add(programmed() ? Condition.isTrue("Programmed", "Programmed", "")
                    : Condition.isFalse("Programmed", "Invalid", "the listener is "
                    + (!accepted ? "not accepted" : conflict != null ? "in conflict" : "missing references")));
            return out;
        }
    }

    /** Checks every listener of a (defaulted) Gateway of ours. */
    static List<Checked> check(ManifestObject gw, ClusterView view, ReferenceGrants grants, Diagnostics diag) {
        Gateway g = (Gateway) gw.object();
        List<Listener> specs = g.getSpec() == null || g.getSpec().getListeners() == null ? List.of()
                : g.getSpec().getListeners();
        List<Checked> out = new ArrayList<>();
        for (Listener l : specs) out.add(check(gw, l, specs, view, grants, diag));
        return out;
    }

    private static Checked check(ManifestObject gw, Listener l, List<Listener> all, ClusterView view,
                                 ReferenceGrants grants, Diagnostics diag) {
        String where = "listener " + l.getName() + " (spec.listeners[" + all.indexOf(l) + "])";
        Set<RouteKind> allowedByProtocol = KINDS_BY_PROTOCOL.get(l.getProtocol());
        boolean accepted = allowedByProtocol != null;
        if (!accepted) {
            diag.report(Severity.WARNING, gw, where + ": protocol " + l.getProtocol() + " is not supported; no route "
                    + "attaches to it (Accepted=False, UnsupportedProtocol)", "use HTTP, HTTPS, TLS, TCP or UDP");
        }
        String refsReason = null;
        String refsMessage = "";
        Set<RouteKind> kinds = EnumSet.noneOf(RouteKind.class);
        if (accepted) {
            List<RouteGroupKind> asked = l.getAllowedRoutes() == null || l.getAllowedRoutes().getKinds() == null
                    ? List.of() : l.getAllowedRoutes().getKinds();
            if (asked.isEmpty()) {
                kinds.addAll(allowedByProtocol);
            } else {
                List<String> invalid = new ArrayList<>();
                for (RouteGroupKind k : asked) {
                    RouteKind rk = RouteKind.GROUP.equals(k.getGroup() == null ? RouteKind.GROUP : k.getGroup())
                            ? byKind(k.getKind()) : null;
                    if (rk != null && allowedByProtocol.contains(rk)) {
                        kinds.add(rk);
                    } else {
                        invalid.add((k.getGroup() == null ? "" : k.getGroup() + "/") + k.getKind());
                    }
                }
                if (!invalid.isEmpty()) {
                    refsReason = "InvalidRouteKinds";
                    refsMessage = "route kinds " + String.join(", ", invalid) + " cannot attach to a "
                            + l.getProtocol() + " listener";
                    diag.report(Severity.WARNING, gw, where + ": allowedRoutes.kinds " + String.join(", ", invalid)
                                    + " are not supported on a " + l.getProtocol() + " listener (ResolvedRefs=False, "
                                    + "InvalidRouteKinds)",
                            "allow only " + allowedByProtocol.stream().map(RouteKind::kind).toList());
                }
            }
        }
        List<GatewayListener.SecretRef> certs = new ArrayList<>();
        String tlsMode = l.getTls() == null ? null : l.getTls().getMode();
        if (accepted && terminates(l)) {
            String[] failure = certificates(gw, l, where, view, grants, diag, certs);
            if (failure != null && refsReason == null) {
                refsReason = failure[0];
                refsMessage = failure[1];
            }
        }
        String conflict = conflict(l, all);
        if (conflict != null) {
            diag.report(Severity.WARNING, gw, where + ": " + (conflict.equals("HostnameConflict")
                            ? "another listener on port " + l.getPort() + " has the same hostname"
                            : "another listener on port " + l.getPort() + " has an incompatible protocol")
                            + "; neither serves routes (Conflicted=True, " + conflict + ")",
                    "give each listener on a port its own hostname, or its own port");
        }
        GatewayListener gl = new GatewayListener(gw.namespace(), gw.name(), l.getName(), l.getProtocol(),
                l.getPort() == null ? 0 : l.getPort(), l.getHostname(), tlsMode, certs);
        return new Checked(l, gl, kinds, accepted, conflict, refsReason, refsMessage);
    }

    private static RouteKind byKind(String kind) {
        for (RouteKind k : RouteKind.values()) {
            if (k.kind().equals(kind)) return k;
        }
        return null;
    }

    /** HTTPS, and TLS in Terminate mode, need certificates; Passthrough ignores them. */
    private static boolean terminates(Listener l) {
        if ("HTTPS".equals(l.getProtocol())) return true;
        return "TLS".equals(l.getProtocol()) && l.getTls() != null && !"Passthrough".equals(l.getTls().getMode());
    }

    /** Fills {@code usable} with the good Secrets; returns {reason, message} of the first failure, or null. */
    private static String[] certificates(ManifestObject gw, Listener l, String where, ClusterView view,
                                         ReferenceGrants grants, Diagnostics diag,
                                         List<GatewayListener.SecretRef> usable) {
        List<SecretObjectReference> refs = l.getTls() == null || l.getTls().getCertificateRefs() == null ? List.of()
                : l.getTls().getCertificateRefs();
        if (refs.isEmpty()) {
            diag.report(Severity.WARNING, gw, where + ": a " + l.getProtocol() + " listener that terminates TLS "
                    + "needs tls.certificateRefs; Kong serves its default certificate (ResolvedRefs=False, "
                    + "InvalidCertificateRef)", "add a kubernetes.io/tls Secret to tls.certificateRefs");
            return new String[]{"InvalidCertificateRef", "no tls.certificateRefs"};
        }
        String[] first = null;
        for (int i = 0; i < refs.size(); i++) {
            SecretObjectReference r = refs.get(i);
            String field = "tls.certificateRefs[" + i + "]";
            String ns = r.getNamespace() == null || r.getNamespace().isEmpty() ? gw.namespace() : r.getNamespace();
            String group = r.getGroup() == null ? "" : r.getGroup();
            String[] failure = null;
            if (!(group.isEmpty() || group.equals("core")) || !"Secret".equals(r.getKind())) {
                failure = new String[]{"InvalidCertificateRef", field + ": " + (group.isEmpty() ? "" : group + "/")
                        + r.getKind() + " is not a Secret"};
                diag.report(Severity.WARNING, gw, where + " " + failure[1] + "; it is not used (ResolvedRefs=False, "
                        + "InvalidCertificateRef)", "refer to a Secret of type kubernetes.io/tls");
            } else if (!ns.equals(gw.namespace()) && !grants.allows(RouteKind.GROUP, "Gateway", gw.namespace(), "",
                    "Secret", ns, r.getName())) {
                failure = new String[]{"RefNotPermitted", field + ": Secret " + ns + "/" + r.getName()
                        + " is in another namespace and no ReferenceGrant there allows it"};
                diag.report(Severity.WARNING, gw, where + " " + failure[1] + "; it is not used (ResolvedRefs=False, "
                                + "RefNotPermitted)", "add a ReferenceGrant in namespace " + ns + " from Gateway in "
                                + gw.namespace() + " to Secret " + r.getName());
            } else {
                Secret secret = view.secret(ns, r.getName()).orElse(null);
                if (secret == null || !keyPair(secret)) {
                    failure = new String[]{"InvalidCertificateRef", field + ": Secret " + ns + "/" + r.getName()
                            + (secret == null ? " not found" : " has no PEM tls.crt and tls.key")};
                    diag.report(Severity.WARNING, gw, where + " " + failure[1] + "; it is not used "
                                    + "(ResolvedRefs=False, InvalidCertificateRef)",
                            "create the kubernetes.io/tls Secret (tls.crt and tls.key) or fix the reference");
                } else {
                    usable.add(new GatewayListener.SecretRef(ns, r.getName()));
                }
            }
            if (failure != null && first == null) first = failure;
        }
        return first;
    }

    /** Whether the Secret holds PEM {@code tls.crt} and {@code tls.key} (values are never shown). */
    private static boolean keyPair(Secret s) {
        return pem(s, "tls.crt") && pem(s, "tls.key");
    }

    private static boolean pem(Secret s, String key) {
        String text = null;
        if (s.getStringData() != null && s.getStringData().get(key) != null) {
            text = s.getStringData().get(key);
        } else if (s.getData() != null && s.getData().get(key) != null) {
            try {
                text = new String(Base64.getMimeDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return text != null && text.contains("-----BEGIN ");
    }

    /**
     * Listeners on one port must be distinct (GatewaySpec.Listeners): HTTP with HTTP, HTTPS and TLS with each other,
     * told apart by hostname; a TCP or UDP listener needs its port for itself (per transport: TCP and UDP may share a
     * number). Every listener of a conflicting pair is in conflict; a protocol conflict wins over a hostname one.
     */
    private static String conflict(Listener l, List<Listener> all) {
        String found = null;
        for (Listener o : all) {
            if (o == l || o.getPort() == null || !o.getPort().equals(l.getPort())) continue;
            String a = family(l.getProtocol());
            String b = family(o.getProtocol());
            boolean udpA = a.equals("udp");
            boolean udpB = b.equals("udp");
            if (udpA != udpB) continue;
            if (!a.equals(b) || a.equals("tcp") || a.equals("udp")) return "ProtocolConflict";
            if (hostname(l).equals(hostname(o))) found = "HostnameConflict";
        }
        return found;
    }

    private static String family(String protocol) {
        if (protocol == null) return "other";
        return switch (protocol) {
            case "HTTP" -> "http";
            case "HTTPS", "TLS" -> "tls";
            case "TCP" -> "tcp";
            case "UDP" -> "udp";
            default -> "other:" + protocol;
        };
    }

    private static String hostname(Listener l) {
        return l.getHostname() == null ? "" : l.getHostname();
    }
}
