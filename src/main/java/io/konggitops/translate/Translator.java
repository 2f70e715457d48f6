package io.konggitops.translate;

import io.konggitops.cluster.ClusterView;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.source.Manifests;
import io.konggitops.translate.gateway.http.HttpRouteTranslator;
import io.konggitops.translate.ingress.IngressTranslator;
import io.konggitops.translate.kongcrd.ConsumerTranslator;
import io.konggitops.translate.kongcrd.KongPluginTranslator;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.tls.Certificates;
import io.konggitops.translate.upstream.UpstreamBuilder;
import io.konggitops.translate.gateway.GatewayAdmission;
import io.konggitops.translate.gateway.GatewayRoutes;
import io.konggitops.translate.gateway.ReferenceGrants;
import io.konggitops.translate.gateway.ListenerCertificates;
import io.konggitops.translate.gateway.grpc.GrpcRouteTranslator;
import io.konggitops.translate.gateway.stream.TcpRouteTranslator;
import io.konggitops.translate.gateway.stream.TlsRouteTranslator;
import io.konggitops.translate.gateway.stream.UdpRouteTranslator;
import io.konggitops.translate.upstream.policy.UpstreamPolicies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The translate stage: Kubernetes manifests + what the cluster knows → the Kong state KIC would produce (same names,
 * uuid5 IDs, tags and field values), plus problems. Steps in KIC's order ({@code BuildKongConfig}): Gateway API
 * admission; one {@link KindTranslator} per resource kind (Ingress, then the Gateway API route kinds), merged here →
 * upstreams and targets → certificates → plugins (KongPlugin, KongClusterPlugin) → IDs → consumers and credentials,
 * then a check of every entity against Kong's own rules (objects Kong would reject are left out with their dependents).
 */
public final class Translator {
    /** The resource kinds, in KIC's order. A new kind is a new translator here. */
    private static final List<Supplier<KindTranslator>> KINDS = List.of(IngressTranslator::new,
            HttpRouteTranslator::new, GrpcRouteTranslator::new, TcpRouteTranslator::new, UdpRouteTranslator::new,
            TlsRouteTranslator::new, ListenerCertificates::new);

    private Translator() {
    }

    public static Translation translate(Manifests manifests, ClusterView view, TranslateOptions options) {
        Diagnostics diag = new Diagnostics(view);
        Certificates certificates = new Certificates(diag);
        ReferenceGrants grants = new ReferenceGrants(manifests);
        GatewayRoutes gateway = options.gateway().admission()
                ? GatewayAdmission.admit(manifests, view, options, diag, grants) : GatewayRoutes.unchecked(manifests);
        TranslationContext ctx = new TranslationContext(manifests, view, diag, options, certificates, gateway,
                grants);
        List<ServiceDraft> services = new ArrayList<>();
        for (Supplier<KindTranslator> kind : KINDS) services.addAll(kind.get().translate(ctx));
        UpstreamPolicies policies = new UpstreamPolicies(manifests, diag, options.target().version());
        UpstreamBuilder.Result upstreams = new UpstreamBuilder(view, diag, options.clusterDomain(), options.drain(),
                policies).build(services);
        Map<String, String> certIds = new HashMap<>();
        List<Certificates.Built> certs = certificates.build(view, options.workspace(), certIds);
        List<KongEntity> plugins = new KongPluginTranslator(view, diag, options).translate(manifests, services);
        KongState state = new KongStateAssembler(options).assemble(services, upstreams, certs, certIds);
        state = withConsumers(state, new ConsumerTranslator(view, diag, options).translate(manifests));
        state = PluginParents.prune(withPlugins(state, plugins), diag);
        state = KongRulesCheck.apply(state, options.target(), diag);
        return new Translation(state, diag.problems(), gateway.status());
    }

    private static KongState withConsumers(KongState state, List<KongEntity> consumers) {
        List<KongEntity> all = new ArrayList<>(state.entities());
        all.addAll(consumers);
        return new KongState(all);
    }

    /** Plugins come last, in deckgen's order of top-level plugins. */
    private static KongState withPlugins(KongState state, List<KongEntity> plugins) {
        if (plugins.isEmpty()) return state;
        List<KongEntity> all = new ArrayList<>(state.entities());
        List<KongEntity> sorted = new ArrayList<>(plugins);
        sorted.sort(Comparator.comparing(KongEntity::id));
        all.addAll(sorted);
        return new KongState(all);
    }
}
