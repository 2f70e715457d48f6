package io.konggitops.translate.gateway.stream;

import io.konggitops.translate.KindTranslator;
import io.konggitops.translate.TranslationContext;
import io.konggitops.translate.gateway.RouteKind;
import io.konggitops.translate.model.ServiceDraft;

import java.util.List;

/** UDPRoute → Kong udp services and routes, in both router flavors ({@link StreamRoutes}). */
public final class UdpRouteTranslator implements KindTranslator {
    @Override
    public List<ServiceDraft> translate(TranslationContext ctx) {
        return new StreamRoutes(RouteKind.UDP_ROUTE, "udp", "UDP").translate(ctx);
    }
}
