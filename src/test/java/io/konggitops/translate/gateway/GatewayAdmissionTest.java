package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.konggitops.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.konggitops.translate.gateway.AdmissionFixture.CLASS;
import static io.konggitops.translate.gateway.AdmissionFixture.gateway;
import static io.konggitops.translate.gateway.AdmissionFixture.httpRoute;
import static io.konggitops.translate.gateway.AdmissionFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayAdmissionTest {
    @TempDir
    Path dir;

    private static final String HTTP = """
            - name: http
              port: 80
              protocol: HTTP
            """;

    @Test
    void aRouteOnAGatewayOfOurClassIsAcceptedWithItsListeners() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP)
                + httpRoute("web", "shop", "- name: gw", "[shop.example.com]", "web") + service("web", "shop"));
        AttachedRoute r = f.route("web");
        assertThat(r.kind()).isEqualTo(RouteKind.HTTP_ROUTE);
        assertThat(r.hostnames()).containsExactly("shop.example.com");
        assertThat(r.listeners()).extracting(GatewayListener::name).containsExactly("http");
        assertThat(f.parentCondition("web", "Accepted").reason()).isEqualTo("Accepted");
        assertThat(f.parentCondition("web", "ResolvedRefs").reason()).isEqualTo("ResolvedRefs");
        assertThat(f.routeStatus("web").parents().get(0).controllerName())
                .isEqualTo("konghq.com/kic-gateway-controller");
        assertThat(f.routeStatus("web").parents().get(0).parentRef())
                .isEqualTo(new io.konggitops.translate.gateway.status.ParentRef("gateway.networking.k8s.io",
                        "Gateway", "shop", "gw", null, null));
        assertThat(f.listener("gw", "http").attachedRoutes()).isEqualTo(1);
        assertThat(f.gatewayStatus("gw").conditions()).extracting(c -> c.type() + "=" + c.status())
                .containsExactly("Accepted=True", "ResolvedRefs=True", "Programmed=True");
        assertThat(f.problems).isEmpty();
    }

    @Test
    void aGatewayOfAClassThatIsNotOursIsIgnoredWithItsRoutes() {
        String otherClass = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata:
                  name: kong
                spec:
                  controllerName: example.net/other-controller
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, otherClass + gateway("gw", "shop", HTTP)
                + httpRoute("web", "shop", "- name: gw", "[]", "web") + service("web", "shop"));
        assertThat(f.result.routes()).isEmpty();
        assertThat(f.result.gateways()).isEmpty();
        assertThat(f.result.status().isEmpty()).isTrue();
        assertThat(f.problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("attached only to Gateways of other controllers"));
    }

    @Test
    void aRouteWhoseGatewayIsNotInTheRepositoryIsReportedAndNotTranslated() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS
                + httpRoute("web", "shop", "- name: missing", "[]", "web") + service("web", "shop"));
        assertThat(f.result.routes()).isEmpty();
        assertThat(f.problems).extracting(Problem::toString)
                .anyMatch(m -> m.contains("HTTPRoute shop/web") && m.contains("shop/missing is not in the repository"));
    }

    @Test
    void sectionNameAttachesToTheNamedListenerOnly() {
        String listeners = HTTP + """
                - name: other
                  port: 8080
                  protocol: HTTP
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw\n  sectionName: other", "[]", "web") + service("web", "shop"));
        assertThat(f.route("web").listeners()).extracting(GatewayListener::name).containsExactly("other");
        assertThat(f.listener("gw", "other").attachedRoutes()).isEqualTo(1);
        assertThat(f.listener("gw", "http").attachedRoutes()).isZero();
        assertThat(f.routeStatus("web").parents().get(0).parentRef().sectionName()).isEqualTo("other");
    }

    @Test
    void portAttachesToTheListenersOnThatPort() {
        String listeners = HTTP + """
                - name: other
                  port: 8080
                  protocol: HTTP
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw\n  port: 8080", "[]", "web") + service("web", "shop"));
        assertThat(f.route("web").listeners()).extracting(GatewayListener::port).containsExactly(8080);
    }

    @Test
    void aSectionNameOrPortMatchingNoListenerIsNoMatchingParent() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP)
                + httpRoute("a", "shop", "- name: gw\n  sectionName: nope", "[]", "web")
                + httpRoute("b", "shop", "- name: gw\n  port: 81", "[]", "web")
                + httpRoute("c", "shop", "- name: gw\n  sectionName: http\n  port: 81", "[]", "web")
                + service("web", "shop"));
        for (String r : new String[]{"a", "b", "c"}) {
            assertThat(f.accepted(r)).isFalse();
            assertThat(f.parentCondition(r, "Accepted").status()).isEqualTo("False");
            assertThat(f.parentCondition(r, "Accepted").reason()).isEqualTo("NoMatchingParent");
        }
        assertThat(f.listener("gw", "http").attachedRoutes()).isZero();
        assertThat(f.problems).extracting(Problem::toString)
                .anyMatch(m -> m.startsWith("WARNING in.yaml:") && m.contains("HTTPRoute shop/a")
                        && m.contains("NoMatchingParent"));
    }

    @Test
    void routeHostnamesAreNarrowedByTheListenerHostname() {
        String listeners = """
                - name: http
                  port: 80
                  protocol: HTTP
                  hostname: "*.example.com"
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw", "[a.example.com, b.example.net, \"*.com\"]", "web")
                + service("web", "shop"));
        assertThat(f.route("web").hostnames()).containsExactly("a.example.com", "*.example.com");
    }

    @Test
    void aRouteWithoutHostnamesTakesTheListenerHostname() {
        String listeners = """
                - name: http
                  port: 80
                  protocol: HTTP
                  hostname: shop.example.com
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw", "[]", "web") + service("web", "shop"));
        assertThat(f.route("web").hostnames()).containsExactly("shop.example.com");
    }

    @Test
    void aRouteWithNoHostnameLeftIsNotAcceptedWithNoMatchingListenerHostname() {
        String listeners = """
                - name: http
                  port: 80
                  protocol: HTTP
                  hostname: "*.example.com"
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw", "[example.com, x.example.net]", "web")
                + service("web", "shop"));
        assertThat(f.accepted("web")).isFalse();
        assertThat(f.parentCondition("web", "Accepted").reason()).isEqualTo("NoMatchingListenerHostname");
        assertThat(f.listener("gw", "http").attachedRoutes()).isZero();
    }

    @Test
    void sameNamespaceListenersRefuseRoutesFromOtherNamespaces() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "infra", HTTP)
                + httpRoute("web", "shop", "- name: gw\n  namespace: infra", "[]", "web") + service("web", "shop"));
        assertThat(f.accepted("web")).isFalse();
        assertThat(f.parentCondition("web", "Accepted").reason()).isEqualTo("NotAllowedByListeners");
        assertThat(f.routeStatus("web").parents().get(0).parentRef().namespace()).isEqualTo("infra");
    }

    @Test
    void allNamespacesListenersTakeRoutesFromAnyNamespace() {
        String listeners = HTTP + """
                  allowedRoutes:
                    namespaces:
                      from: All
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "infra", listeners)
                + httpRoute("web", "shop", "- name: gw\n  namespace: infra", "[]", "web") + service("web", "shop"));
        assertThat(f.accepted("web")).isTrue();
    }

    @Test
    void selectorListenersTakeRoutesFromNamespacesWhoseManifestLabelsMatch() {
        String listeners = HTTP + """
                  allowedRoutes:
                    namespaces:
                      from: Selector
                      selector:
                        matchLabels:
                          team: shop
                """;
        String namespaces = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels:
                    team: shop
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: blog
                  labels:
                    team: blog
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + namespaces + gateway("gw", "infra", listeners)
                + httpRoute("web", "shop", "- name: gw\n  namespace: infra", "[]", "web") + service("web", "shop")
                + httpRoute("posts", "blog", "- name: gw\n  namespace: infra", "[]", "posts")
                + service("posts", "blog"));
        assertThat(f.accepted("web")).isTrue();
        assertThat(f.accepted("posts")).isFalse();
        assertThat(f.parentCondition("posts", "Accepted").reason()).isEqualTo("NotAllowedByListeners");
    }

    @Test
    void selectorMatchExpressionsAndTheNamespaceNameLabelWork() {
        String listeners = HTTP + """
                  allowedRoutes:
                    namespaces:
                      from: Selector
                      selector:
                        matchExpressions:
                        - key: kubernetes.io/metadata.name
                          operator: In
                          values: [shop]
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "infra", listeners)
                + httpRoute("web", "shop", "- name: gw\n  namespace: infra", "[]", "web") + service("web", "shop")
                + httpRoute("posts", "blog", "- name: gw\n  namespace: infra", "[]", "posts")
                + service("posts", "blog"));
        assertThat(f.accepted("web")).isTrue();
        assertThat(f.accepted("posts")).isFalse();
        assertThat(f.problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("Namespace blog was not found"));
    }

    @Test
    void allowedRouteKindsRefuseOtherKinds() {
        String listeners = HTTP + """
                  allowedRoutes:
                    kinds:
                    - kind: GRPCRoute
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw", "[]", "web") + service("web", "shop"));
        assertThat(f.accepted("web")).isFalse();
        assertThat(f.parentCondition("web", "Accepted").reason()).isEqualTo("NotAllowedByListeners");
    }

    @Test
    void crdDefaultsAreAppliedToTheCopyTheTranslatorsSee() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: web
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - matches:
                    - headers:
                      - name: x-v
                        value: "1"
                    backendRefs:
                    - name: web
                      port: 80
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + route
                + service("web", "shop"));
        HTTPRoute copy = (HTTPRoute) f.route("web").route().object();
        HTTPRouteRule rule = copy.getSpec().getRules().get(0);
        assertThat(rule.getBackendRefs().get(0).getKind()).isEqualTo("Service");
        assertThat(rule.getBackendRefs().get(0).getGroup()).isEqualTo("");
        assertThat(rule.getBackendRefs().get(0).getWeight()).isEqualTo(1);
        assertThat(rule.getMatches().get(0).getPath().getType()).isEqualTo("PathPrefix");
        assertThat(rule.getMatches().get(0).getPath().getValue()).isEqualTo("/");
        assertThat(rule.getMatches().get(0).getHeaders().get(0).getType()).isEqualTo("Exact");
        assertThat(copy.getSpec().getParentRefs().get(0).getKind()).isEqualTo("Gateway");
        assertThat(copy.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(f.route("web").route().origin()).isEqualTo(f.manifests.ofKind("HTTPRoute").findFirst()
                .orElseThrow().origin());
        HTTPRoute original = (HTTPRoute) f.manifests.ofKind("HTTPRoute").findFirst().orElseThrow().object();
        assertThat(original.getSpec().getRules().get(0).getBackendRefs().get(0).getKind()).isNull();
        assertThat(original.getSpec().getRules().get(0).getMatches().get(0).getPath()).isNull();
    }

    @Test
    void aRouteWithoutRulesGetsTheDefaultRule() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: web
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + route);
        HTTPRoute copy = (HTTPRoute) f.route("web").route().object();
        assertThat(copy.getSpec().getRules()).hasSize(1);
        assertThat(copy.getSpec().getRules().get(0).getMatches().get(0).getPath().getValue()).isEqualTo("/");
    }
}
