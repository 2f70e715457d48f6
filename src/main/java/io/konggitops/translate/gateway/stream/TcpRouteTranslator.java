package io.konggitops.translate.gateway.stream;

import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.model.ServiceDraft;

import java.util.List;

/** TCPRoute → Kong tcp services and routes, in both router flavors ({@link StreamRoutes}). */
public final class TcpRouteTranslator implements KindTranslator {
    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        return new StreamRoutes(RouteKind.TCP_ROUTE, "tcp", "TCP").translate(ctx);
    }
}
