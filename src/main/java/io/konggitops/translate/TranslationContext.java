package io.konggitops.translate;

import io.konggitops.cluster.ClusterView;
import io.konggitops.source.Manifests;
import io.konggitops.translate.gateway.GatewayRoutes;
import io.konggitops.translate.gateway.ReferenceGrants;
import io.konggitops.translate.tls.Certificates;

/**
 * What every {@link KindTranslator} may read and where it reports: the manifests, the cluster view, the options,
 * the certificates being collected (TLS Secrets claimed by Ingress TLS and Gateway listeners), the Gateway API
 * routes that admission accepted, and the repository's ReferenceGrants (read once for every kind).
 */
public record TranslationContext(Manifests manifests, ClusterView view, Diagnostics diag, TranslateOptions options,
                                 Certificates certificates, GatewayRoutes gateway, ReferenceGrants grants) {
}
