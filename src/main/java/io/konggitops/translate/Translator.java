package io.konggitops.translate;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.konggitops.cluster.ClusterView;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.ingress.IngressTranslator;
import io.konggitops.translate.kongcrd.ConsumerTranslator;
import io.konggitops.translate.kongcrd.KongPluginTranslator;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.tls.Certificates;
import io.konggitops.translate.upstream.UpstreamBuilder;
import io.konggitops.translate.upstream.UpstreamDraft;
import io.konggitops.translate.upstream.policy.UpstreamPolicies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The translate stage: Kubernetes manifests + what the cluster knows → the Kong state KIC would produce (same names,
 * uuid5 IDs, tags and field values), plus problems. Steps in KIC's order ({@code BuildKongConfig}): Ingress rules →
 * services (Kubernetes Service attached, annotations) → upstreams and targets → route overrides → certificates → plugins
 * (KongPlugin, KongClusterPlugin) → IDs → consumers and credentials,
 * then a check of every entity against Kong's own rules (objects Kong would reject are left out with their dependents).
 */
public final class Translator {
    private Translator() {
    }

    public static Translation translate(Manifests manifests, ClusterView view, TranslateOptions options) {
        Diagnostics diag = new Diagnostics(view);
        if (options.target().routerFlavor().expressions()) {
            return expressionsNotSupported(manifests, diag);
        }
        Certificates certificates = new Certificates(diag);
        IngressTranslator.Result ingress = new IngressTranslator(view, diag, certificates)
                .translate(manifests, options.ingressClass());
        List<ServiceDraft> services = new ArrayList<>(ingress.services());
        UpstreamPolicies policies = new UpstreamPolicies(manifests, diag, options.target().version());
        List<UpstreamDraft> upstreams = new UpstreamBuilder(view, diag, options.clusterDomain(), options.drain(),
                policies).build(services, ingress.serviceUpstream());
        Map<String, String> certIds = new HashMap<>();
        List<Certificates.Built> certs = certificates.build(view, options.workspace(), certIds);
        List<KongEntity> plugins = new KongPluginTranslator(view, diag, options).translate(manifests, services);
        KongState state = new KongStateAssembler(options).assemble(services, upstreams, certs, certIds);
        state = withConsumers(state, new ConsumerTranslator(view, diag, options).translate(manifests));
        state = PluginParents.prune(withPlugins(state, plugins), diag);
        state = KongRulesCheck.apply(state, options.target(), diag);
        return new Translation(state, diag.problems());
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

    /** Seam for router flavors: expression routes are not translated yet, and no wrong output is produced. */
    private static Translation expressionsNotSupported(Manifests manifests, Diagnostics diag) {
        for (ManifestObject mo : manifests.objects()) {
            if (mo.object() instanceof Ingress) {
                diag.report(Severity.ERROR, mo, "router flavor expressions is not supported yet",
                        "run Kong with router_flavor traditional_compatible or traditional (or pass "
                                + "--router-flavor traditional_compatible)");
            }
        }
        return new Translation(KongState.EMPTY, diag.problems());
    }
}
