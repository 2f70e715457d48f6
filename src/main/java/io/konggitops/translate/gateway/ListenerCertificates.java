package io.konggitops.translate.gateway;

import io.konggitops.problem.Severity;
import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.model.ServiceDraft;

import java.util.List;

/**
 * Gateway listener certificates → Kong certificates and SNIs (kic-translation §4.1, KIC {@code getGatewayCerts}): the
 * one {@code tls.certificateRefs} Secret of each listener of our Gateways serves the listener's hostname, or
 * {@code *} when it has none; the certificate's id is the Secret's UID. Admission already left out Secrets in another
 * namespace without a ReferenceGrant from the Gateway. More than one certificateRef is not supported (as in KIC): the
 * listener then gets no certificate. Makes no Kong services: the certificates are built with the Ingress ones.
 */
public final class ListenerCertificates implements KindTranslator {
    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        for (AcceptedGateway g : ctx.gateway().gateways()) {
            for (GatewayListener l : g.listeners()) {
                if (l.certificateRefs().isEmpty()) continue;
                if (l.certificateRefs().size() > 1) {
                    ctx.diag().report(Severity.ERROR, g.gateway(), "listener " + l.name() + " has "
                                    + l.certificateRefs().size() + " certificateRefs; only one is supported (as in "
                                    + "KIC), so the listener gets no certificate",
                            "keep one Secret in spec.listeners[].tls.certificateRefs of listener " + l.name());
                    continue;
                }
                GatewayListener.SecretRef ref = l.certificateRefs().get(0);
                ctx.certificates().addListenerCertificate(g.gateway(), ref.namespace(), ref.name(),
                        l.hostname() == null || l.hostname().isEmpty() ? "*" : l.hostname());
            }
        }
        return List.of();
    }
}
