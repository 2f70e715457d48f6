package io.konggitops.report;

import io.konggitops.diff.Plan;
import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.GatewayApiStatus;
import io.konggitops.translate.gateway.status.GatewayStatus;
import io.konggitops.translate.gateway.status.ListenerStatus;
import io.konggitops.translate.gateway.status.ParentRef;
import io.konggitops.translate.gateway.status.RouteParentStatus;
import io.konggitops.translate.gateway.status.RouteStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayStatusReportTest {
    private static final String CONTROLLER = "konghq.com/kic-gateway-controller";
    private static final Condition ACCEPTED = Condition.isTrue("Accepted", "Accepted", "");
    private static final Condition RESOLVED = Condition.isTrue("ResolvedRefs", "ResolvedRefs", "");

    private static GatewayApiStatus status() {
        GatewayStatus gw = new GatewayStatus("infra", "kong", List.of(ACCEPTED, RESOLVED,
                Condition.isTrue("Programmed", "Programmed", "")), List.of(
                new ListenerStatus("http", 1, List.of(ACCEPTED, RESOLVED, Condition.isFalse("Conflicted",
                        "NoConflicts", ""), Condition.isTrue("Programmed", "Programmed", "")))));
        ParentRef ref = new ParentRef("gateway.networking.k8s.io", "Gateway", "infra", "kong", "http", null);
        RouteStatus good = new RouteStatus("HTTPRoute", "shop", "cart", List.of(
                new RouteParentStatus(ref, CONTROLLER, List.of(ACCEPTED, RESOLVED))));
        RouteStatus broken = new RouteStatus("HTTPRoute", "shop", "orders", List.of(
                new RouteParentStatus(ref, CONTROLLER, List.of(ACCEPTED, Condition.isFalse("ResolvedRefs",
                        "BackendNotFound", "spec.rules[0].backendRefs[0]: Service shop/orders not found")))));
        RouteStatus refused = new RouteStatus("HTTPRoute", "blog", "posts", List.of(
                new RouteParentStatus(ref, CONTROLLER, List.of(Condition.isFalse("Accepted",
                        "NotAllowedByListeners", "listener http does not take routes from namespace blog"),
                        RESOLVED))));
        return new GatewayApiStatus(List.of(gw), List.of(good, broken, refused));
    }

    private static RunReport report() {
        return new RunReport("diff", "repo", "abc", new RunReport.KongInfo("http://kong:8001", null, null, null),
                List.of(), new Plan(List.of(), 0, new io.konggitops.kong.KongState(List.of()), 0, List.of()), null).withGatewayStatus(status());
    }

    @Test
    void theMarkdownReportListsRoutesNotAcceptedOrUnresolvedBeforeTheChanges() {
        String md = Reports.render(report(), Reports.Format.MARKDOWN);
        assertThat(md).contains("#### Gateway API routes not accepted or with unresolved references")
                .contains("| HTTPRoute shop/orders | Gateway infra/kong listener http | ResolvedRefs=False "
                        + "| BackendNotFound | spec.rules[0].backendRefs[0]: Service shop/orders not found |")
                .contains("| HTTPRoute blog/posts | Gateway infra/kong listener http | Accepted=False "
                        + "| NotAllowedByListeners |")
                .doesNotContain("HTTPRoute shop/cart");
    }

    @Test
    void theMarkdownReportHasNoGatewaySectionWhenEveryRouteIsFine() {
        GatewayApiStatus fine = new GatewayApiStatus(status().gateways(), status().routes().subList(0, 1));
        String md = Reports.render(report().withGatewayStatus(fine), Reports.Format.MARKDOWN);
        assertThat(md).doesNotContain("Gateway API routes");
    }

    @Test
    void theTextMarksEveryLineWithAConditionThatIsNotAsItShouldBe() {
        String text = Reports.gatewayStatusText(status(), false);
        assertThat(text.lines()).containsExactly(
                "Gateway API status (computed; nothing is written to the cluster):",
                "  Gateway infra/kong: Accepted=True, ResolvedRefs=True, Programmed=True",
                "    listener http (1 attached route): Accepted=True, ResolvedRefs=True, Conflicted=False, "
                        + "Programmed=True",
                "  HTTPRoute shop/cart -> Gateway infra/kong listener http: Accepted=True, ResolvedRefs=True",
                "! HTTPRoute shop/orders -> Gateway infra/kong listener http: Accepted=True, ResolvedRefs=False "
                        + "(BackendNotFound: spec.rules[0].backendRefs[0]: Service shop/orders not found)",
                "! HTTPRoute blog/posts -> Gateway infra/kong listener http: Accepted=False "
                        + "(NotAllowedByListeners: listener http does not take routes from namespace blog), "
                        + "ResolvedRefs=True");
        assertThat(Reports.gatewayStatusText(status(), true)).contains("\u001b[31mResolvedRefs=False");
        assertThat(Reports.gatewayStatusText(GatewayApiStatus.EMPTY, false)).isEmpty();
    }

    @Test
    void theJsonReportUsesTheGatewayApiFieldNames() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Reports.render(report(),
                Reports.Format.JSON));
        assertThat(json.at("/status/gateways/0/listeners/0/attachedRoutes").asInt()).isEqualTo(1);
        assertThat(json.at("/status/routes/1/parents/0/parentRef/sectionName").asText()).isEqualTo("http");
        assertThat(json.at("/status/routes/1/parents/0/controllerName").asText()).isEqualTo(CONTROLLER);
        assertThat(json.at("/status/routes/1/parents/0/conditions/1/reason").asText()).isEqualTo("BackendNotFound");
        RunReport none = new RunReport("diff", "repo", null, new RunReport.KongInfo(null, null, null, null),
                List.of(), null, null, new RunReport.Outcome(RunReport.Status.ERROR, "stopped"));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Reports.render(none,
                Reports.Format.JSON)).get("status").isNull()).isTrue();
    }
}
