package io.konggitops.translate.gateway.stream;

import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.model.ServiceDraft;

import java.util.List;

/** TLSRoute → Kong tcp services with tls or tls_passthrough routes, in both router flavors ({@link StreamRoutes}). */
public final class TlsRouteTranslator implements KindTranslator {
    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        return new StreamRoutes(RouteKind.TLS_ROUTE, "tcp", "TLS").translate(ctx);
    }
}
