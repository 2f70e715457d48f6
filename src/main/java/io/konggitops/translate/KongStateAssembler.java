package io.konggitops.translate;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.translate.model.PluginDraft;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongIds;
import io.konggitops.translate.naming.KongTags;
import io.konggitops.translate.tls.Certificates;
import io.konggitops.translate.upstream.TargetSpec;
import io.konggitops.translate.upstream.UpstreamBuilder;
import io.konggitops.translate.upstream.UpstreamDraft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the drafts into flat Admin-API-shaped {@link KongEntity}s with uuid5 IDs, deckgen's defaults and the select
 * tag appended last to every entity. Order: services, routes, upstreams, targets, certificates, SNIs, each sorted as
 * deckgen sorts them (descending by name / target / PEM; SNIs ascending), so equal input gives equal output.
 */
final class KongStateAssembler {
    private final TranslateOptions options;

    KongStateAssembler(TranslateOptions options) {
        this.options = options;
    }

    KongState assemble(List<ServiceDraft> services, UpstreamBuilder.Result upstreamResult,
                       List<Certificates.Built> certs, Map<String, String> certIds) {
        List<UpstreamDraft> upstreams = upstreamResult.upstreams();
        List<KongEntity> out = new ArrayList<>();
        List<KongEntity> plugins = new ArrayList<>();
        List<ServiceDraft> sortedServices = new ArrayList<>(services);
        sortedServices.sort(Comparator.comparing((ServiceDraft s) -> s.name).reversed());
        List<KongEntity> routes = new ArrayList<>();
        for (ServiceDraft s : sortedServices) {
            String serviceId = KongIds.service(options.workspace(), s.name);
            out.add(service(s, serviceId, upstreamResult.servicePorts().getOrDefault(s.name, s.port), certIds));
            for (PluginDraft p : s.plugins) plugins.add(plugin(p, "service", serviceId));
            List<RouteDraft> rs = new ArrayList<>(s.routes);
            rs.sort(Comparator.comparing((RouteDraft r) -> r.name).reversed());
            for (RouteDraft r : rs) {
                String routeId = KongIds.route(options.workspace(), r.name);
                routes.add(route(r, routeId, serviceId));
                for (PluginDraft p : r.plugins) plugins.add(plugin(p, "route", routeId));
            }
        }
        out.addAll(routes);
        List<UpstreamDraft> ups = new ArrayList<>(upstreams);
        ups.sort(Comparator.comparing(UpstreamDraft::name).reversed());
        List<KongEntity> targets = new ArrayList<>();
        for (UpstreamDraft u : ups) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", u.name());
            f.put("algorithm", "round-robin");
            f.put("tags", tags(u.tags()));
            f.putAll(u.fields());
            out.add(entity(EntityType.UPSTREAM, f, u.source(), u.origin()));
            List<TargetSpec> ts = new ArrayList<>(u.targets());
            ts.sort(Comparator.comparing(TargetSpec::target).reversed());
            for (TargetSpec t : ts) {
                Map<String, Object> tf = new LinkedHashMap<>();
                tf.put("target", t.target());
                tf.put("upstream", Map.of("name", u.name()));
                if (t.weight() != null) tf.put("weight", t.weight());
                if (!options.selectTag().isEmpty()) tf.put("tags", List.of(options.selectTag()));
                targets.add(entity(EntityType.TARGET, tf, u.source(), u.origin()));
            }
        }
        out.addAll(targets);
        List<Certificates.Built> cs = new ArrayList<>(certs);
        cs.sort(Comparator.comparing(Certificates.Built::cert).reversed());
        List<KongEntity> snis = new ArrayList<>();
        for (Certificates.Built c : cs) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", c.id());
            f.put("cert", c.cert());
            f.put("key", c.key());
            f.put("tags", tags(c.tags()));
            out.add(entity(EntityType.CERTIFICATE, f, c.source(), c.origin()));
            for (String sni : c.snis()) {
                Map<String, Object> sf = new LinkedHashMap<>();
                sf.put("name", sni);
                sf.put("certificate", Map.of("id", c.id()));
                if (!options.selectTag().isEmpty()) sf.put("tags", List.of(options.selectTag()));
                snis.add(entity(EntityType.SNI, sf, c.source(), c.origin()));
            }
        }
        out.addAll(snis);
        out.addAll(plugins);
        return new KongState(out);
    }

    /** A plugin made by a route object's own fields, nested under its Kong route or service (no ID, as in KIC). */
    private KongEntity plugin(PluginDraft p, String parentField, String parentId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", p.name());
        f.put(parentField, Map.of("id", parentId));
        f.put("config", p.config());
        f.put("tags", tags(p.tags()));
        return entity(EntityType.PLUGIN, f, p.source().ref(), p.source().origin());
    }

    private KongEntity service(ServiceDraft s, String id, int port, Map<String, String> certIds) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", s.name);
        f.put("host", s.host);
        f.put("port", port);
        f.put("protocol", s.protocol);
        if (s.path != null) f.put("path", s.path);
        f.put("connect_timeout", s.connectTimeout);
        f.put("read_timeout", s.readTimeout);
        f.put("write_timeout", s.writeTimeout);
        f.put("retries", s.retries);
        f.put("tags", tags(s.tags));
        if (s.tlsVerify != null) f.put("tls_verify", s.tlsVerify);
        if (s.tlsVerifyDepth != null) f.put("tls_verify_depth", s.tlsVerifyDepth);
        if (s.clientCertSecret != null && certIds.containsKey(s.clientCertSecret)) {
            f.put("client_certificate", Map.of("id", certIds.get(s.clientCertSecret)));
        }
        if (s.caCertificates != null) f.put("ca_certificates", s.caCertificates);
        return entity(EntityType.SERVICE, f, s.parent.ref(), s.parent.origin());
    }

    /** Fields left {@code null} in the draft are not set; an expression route has no traditional matchers. */
    private KongEntity route(RouteDraft r, String id, String serviceId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", r.name);
        f.put("service", Map.of("id", serviceId));
        boolean expression = r.expression != null;
        if (expression) {
            f.put("expression", r.expression);
            putIfSet(f, "priority", r.priority);
        } else {
            if (!r.paths.isEmpty()) f.put("paths", r.paths);
            if (!r.hosts.isEmpty()) f.put("hosts", r.hosts);
        }
        putIfSet(f, "protocols", r.protocols);
        putIfSet(f, "strip_path", r.stripPath);
        putIfSet(f, "preserve_host", r.preserveHost);
        if (!expression) putIfSet(f, "regex_priority", r.regexPriority);
        putIfSet(f, "request_buffering", r.requestBuffering);
        putIfSet(f, "response_buffering", r.responseBuffering);
        putIfSet(f, "https_redirect_status_code", r.httpsRedirectStatusCode);
        if (!expression) {
            putIfSet(f, "path_handling", r.pathHandling);
            putIfSet(f, "methods", r.methods);
            putIfSet(f, "snis", r.snis);
            putIfSet(f, "headers", r.headers);
            putIfSet(f, "destinations", r.destinations);
        }
        f.put("tags", tags(r.tags));
        return entity(EntityType.ROUTE, f, r.source.ref(), r.source.origin());
    }

    private static void putIfSet(Map<String, Object> f, String key, Object value) {
        if (value != null) f.put(key, value);
    }

    private List<String> tags(List<String> tags) {
        return KongTags.withSelectTag(tags, options.selectTag());
    }

    private static KongEntity entity(EntityType type, Map<String, Object> fields, ObjectRef source, Origin origin) {
        return new KongEntity(type, fields, source, origin);
    }
}
