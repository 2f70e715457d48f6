package io.konggitops.translate.gateway;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.konggitops.cluster.MergedClusterView;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static io.konggitops.translate.gateway.AdmissionFixture.CLASS;
import static io.konggitops.translate.gateway.AdmissionFixture.gateway;
import static io.konggitops.translate.gateway.AdmissionFixture.httpRoute;
import static io.konggitops.translate.gateway.AdmissionFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

/** ReferenceGrants, certificates, unsupported features, API versions and Namespace labels from a cluster. */
@EnableKubernetesMockClient(crud = true)
class GatewayAdmissionRefsTest {
    KubernetesClient client;

    @TempDir
    Path dir;

    private static final String HTTP = """
            - name: http
              port: 80
              protocol: HTTP
            """;

    private static String grant(String namespace, String fromKind, String fromNamespace, String toKind,
                                String toName) {
        return """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata:
                  name: allow
                  namespace: %s
                spec:
                  from:
                  - group: gateway.networking.k8s.io
                    kind: %s
                    namespace: %s
                  to:
                  - group: ""
                    kind: %s
                    name: %s
                ---
                """.formatted(namespace, fromKind, fromNamespace, toKind, toName);
    }

    private static String crossNamespaceRoute() {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: web
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - backendRefs:
                    - name: api
                      namespace: backends
                      port: 80
                ---
                """;
    }

    @Test
    void aCrossNamespaceBackendWithAReferenceGrantIsResolvedAndPermitted() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + crossNamespaceRoute()
                + service("api", "backends") + grant("backends", "HTTPRoute", "shop", "Service", "api"));
        assertThat(f.parentCondition("web", "ResolvedRefs").reason()).isEqualTo("ResolvedRefs");
        assertThat(BackendRefs.permitted(f.route("web").route(), RouteKind.HTTP_ROUTE, "", "Service", "backends",
                "api", new ReferenceGrants(f.manifests))).isTrue();
        assertThat(f.problems).isEmpty();
    }

    @Test
    void aCrossNamespaceBackendWithoutAMatchingGrantIsRefNotPermittedButTheRouteStaysAccepted() {
        // the grant is for another kind of route, so it does not count
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + crossNamespaceRoute()
                + service("api", "backends") + grant("backends", "GRPCRoute", "shop", "Service", "api"));
        assertThat(f.parentCondition("web", "Accepted").reason()).isEqualTo("Accepted");
        assertThat(f.parentCondition("web", "ResolvedRefs").status()).isEqualTo("False");
        assertThat(f.parentCondition("web", "ResolvedRefs").reason()).isEqualTo("RefNotPermitted");
        assertThat(f.accepted("web")).isTrue();
        assertThat(BackendRefs.permitted(f.route("web").route(), RouteKind.HTTP_ROUTE, "", "Service", "backends",
                "api", new ReferenceGrants(f.manifests))).isFalse();
        assertThat(f.problems).extracting(Problem::toString).singleElement().satisfies(p -> assertThat(p)
                .startsWith("WARNING in.yaml:").contains("HTTPRoute shop/web")
                .contains("spec.rules[0].backendRefs[0]: Service backends/api is in another namespace")
                .contains("add a ReferenceGrant in namespace backends from HTTPRoute in shop to Service api"));
    }

    @Test
    void aMissingServiceIsBackendNotFoundAndAnUnknownKindIsInvalidKind() {
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
                  - backendRefs:
                    - name: gone
                      port: 80
                  - backendRefs:
                    - name: bucket
                      group: storage.example.com
                      kind: Bucket
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + route);
        assertThat(f.parentCondition("web", "ResolvedRefs").reason()).isEqualTo("BackendNotFound");
        assertThat(f.parentCondition("web", "ResolvedRefs").message())
                .contains("spec.rules[0].backendRefs[0]: Service shop/gone not found")
                .contains("spec.rules[1].backendRefs[0]: storage.example.com/Bucket bucket is not a Service");
        assertThat(f.problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("InvalidKind"))
                .noneMatch(m -> m.contains("gone"));
    }

    private static String httpsGateway(String certNamespace) {
        return gateway("gw", "shop", """
                - name: https
                  port: 443
                  protocol: HTTPS
                  hostname: shop.example.com
                  tls:
                    certificateRefs:
                    - name: shop-tls
                      namespace: %s
                """.formatted(certNamespace));
    }

    private static String tlsSecret(String namespace) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: shop-tls
                  namespace: %s
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                ---
                """.formatted(namespace, TestManifests.pem("rsa1.crt").indent(4).stripTrailing(),
                TestManifests.pem("rsa1.key").indent(4).stripTrailing());
    }

    @Test
    void aCertificateInTheGatewayNamespaceIsResolved() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + httpsGateway("shop") + tlsSecret("shop"));
        assertThat(AdmissionFixture.condition(f.listener("gw", "https").conditions(), "ResolvedRefs").holds())
                .isTrue();
        assertThat(f.result.gateways().get(0).listeners().get(0).certificateRefs())
                .containsExactly(new GatewayListener.SecretRef("shop", "shop-tls"));
        assertThat(f.result.gateways().get(0).listeners().get(0).tlsMode()).isEqualTo("Terminate");
    }

    @Test
    void aCertificateInAnotherNamespaceNeedsAReferenceGrantFromTheGateway() {
        AdmissionFixture denied = AdmissionFixture.admit(dir, CLASS + httpsGateway("certs") + tlsSecret("certs"));
        var refs = AdmissionFixture.condition(denied.listener("gw", "https").conditions(), "ResolvedRefs");
        assertThat(refs.status()).isEqualTo("False");
        assertThat(refs.reason()).isEqualTo("RefNotPermitted");
        assertThat(AdmissionFixture.condition(denied.listener("gw", "https").conditions(), "Programmed").holds())
                .isFalse();
        assertThat(denied.result.gateways().get(0).listeners().get(0).certificateRefs()).isEmpty();
        assertThat(denied.problems).extracting(Problem::toString).anyMatch(p -> p.contains("Gateway shop/gw")
                && p.contains("listener https") && p.contains("RefNotPermitted"));

        AdmissionFixture allowed = AdmissionFixture.admit(dir, CLASS + httpsGateway("certs") + tlsSecret("certs")
                + grant("certs", "Gateway", "shop", "Secret", "shop-tls"));
        assertThat(AdmissionFixture.condition(allowed.listener("gw", "https").conditions(), "ResolvedRefs").holds())
                .isTrue();
        assertThat(allowed.result.gateways().get(0).listeners().get(0).certificateRefs())
                .containsExactly(new GatewayListener.SecretRef("certs", "shop-tls"));
    }

    @Test
    void aMissingCertificateSecretIsInvalidCertificateRef() {
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + httpsGateway("shop"));
        var refs = AdmissionFixture.condition(f.listener("gw", "https").conditions(), "ResolvedRefs");
        assertThat(refs.reason()).isEqualTo("InvalidCertificateRef");
        assertThat(f.gatewayStatus("gw").conditions()).extracting(c -> c.type() + "=" + c.reason())
                .contains("ResolvedRefs=ListenersNotResolved");
    }

    @Test
    void unsupportedFiltersRejectTheRouteWithAProblemNamingTheField() {
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
                  - filters:
                    - type: RequestMirror
                      requestMirror:
                        backendRef:
                          name: web
                          port: 80
                    - type: CORS
                      cors:
                        allowOrigins: ["https://a.example.com"]
                    backendRefs:
                    - name: web
                      port: 80
                      filters:
                      - type: RequestHeaderModifier
                        requestHeaderModifier:
                          set:
                          - name: x-a
                            value: b
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + route
                + service("web", "shop"));
        assertThat(f.accepted("web")).isFalse();
        var accepted = f.parentCondition("web", "Accepted");
        assertThat(accepted.status()).isEqualTo("False");
        assertThat(accepted.reason()).isEqualTo("UnsupportedValue");
        assertThat(f.listener("gw", "http").attachedRoutes()).isZero();
        assertThat(f.problems).filteredOn(p -> p.severity() == Severity.ERROR).extracting(Problem::toString)
                .containsExactly(
                        "ERROR in.yaml:20 HTTPRoute shop/web: spec.rules[0].filters[0]: filter RequestMirror is not "
                                + "supported by kong-gitops; the route is not accepted and not translated "
                                + "(Accepted=False, UnsupportedValue) (remove the filter (Kong has no request "
                                + "mirroring), or mirror with a Kong plugin through an ExtensionRef filter)",
                        "ERROR in.yaml:20 HTTPRoute shop/web: spec.rules[0].filters[1]: filter CORS is not "
                                + "supported by kong-gitops; the route is not accepted and not translated "
                                + "(Accepted=False, UnsupportedValue) (remove the filter and attach Kong's cors "
                                + "plugin through an ExtensionRef filter to a KongPlugin)",
                        "ERROR in.yaml:20 HTTPRoute shop/web: spec.rules[0].backendRefs[0].filters: per-backend "
                                + "filters are not supported by kong-gitops; the route is not accepted and not "
                                + "translated (Accepted=False, UnsupportedValue) (move the filters to the rule "
                                + "(spec.rules[].filters), or split the rule per backend)");
    }

    @Test
    void aGammaParentRefToAServiceIsUnsupportedWhileTheGatewayParentStillWorks() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: web
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  - name: web
                    group: ""
                    kind: Service
                  rules:
                  - backendRefs:
                    - name: web
                      port: 80
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + route
                + service("web", "shop"));
        assertThat(f.accepted("web")).isTrue();
        assertThat(f.parentCondition("web", 0, "Accepted").holds()).isTrue();
        assertThat(f.routeStatus("web").parents().get(1).parentRef().kind()).isEqualTo("Service");
        assertThat(f.parentCondition("web", 1, "Accepted").reason()).isEqualTo("UnsupportedValue");
        assertThat(f.problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("GAMMA (service mesh) parentRef to Service shop/web is not supported"));
    }

    @Test
    void aBackendTlsPolicyIsAProblemAndItsServiceIsNotResolved() {
        String policy = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: BackendTLSPolicy
                metadata:
                  name: web-tls
                  namespace: shop
                spec:
                  targetRefs:
                  - group: ""
                    kind: Service
                    name: web
                  validation:
                    hostname: web.shop.svc
                    wellKnownCACertificates: System
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP)
                + httpRoute("web", "shop", "- name: gw", "[]", "web") + service("web", "shop") + policy);
        assertThat(f.accepted("web")).isTrue();
        assertThat(f.parentCondition("web", "ResolvedRefs").reason()).isEqualTo("UnsupportedValue");
        assertThat(f.problems).extracting(Problem::toString).anyMatch(p -> p.startsWith("WARNING in.yaml:")
                && p.contains("BackendTLSPolicy shop/web-tls") && p.contains("Service shop/web"));
    }

    @Test
    void aListenerSetIsReportedAsNotSupported() {
        String listenerSet = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: ListenerSet
                metadata:
                  name: extra
                  namespace: shop
                spec:
                  parentRef:
                    name: gw
                  listeners:
                  - name: more
                    port: 8080
                    protocol: HTTP
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", HTTP) + listenerSet);
        assertThat(f.problems).extracting(Problem::toString).anyMatch(p -> p.startsWith("WARNING in.yaml:")
                && p.contains("ListenerSet shop/extra: ListenerSet is not supported by kong-gitops"));
    }

    @Test
    void v1beta1AndV1alpha2ManifestsLoadAndAttach() {
        String yaml = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: GatewayClass
                metadata:
                  name: kong
                spec:
                  controllerName: konghq.com/kic-gateway-controller
                ---
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: shop
                spec:
                  gatewayClassName: kong
                  listeners:
                  - name: http
                    port: 80
                    protocol: HTTP
                  - name: tcp
                    port: 9000
                    protocol: TCP
                  - name: udp
                    port: 9053
                    protocol: UDP
                  - name: tls
                    port: 8443
                    protocol: TLS
                    hostname: db.example.com
                    tls:
                      mode: Passthrough
                ---
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: HTTPRoute
                metadata:
                  name: web
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - backendRefs:
                    - name: web
                      port: 80
                ---
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: TCPRoute
                metadata:
                  name: db
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - backendRefs:
                    - name: web
                      port: 80
                ---
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: UDPRoute
                metadata:
                  name: dns
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  rules:
                  - backendRefs:
                    - name: web
                      port: 80
                ---
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: TLSRoute
                metadata:
                  name: pg
                  namespace: shop
                spec:
                  parentRefs:
                  - name: gw
                  hostnames: [db.example.com]
                  rules:
                  - backendRefs:
                    - name: web
                      port: 80
                ---
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, yaml + service("web", "shop"));
        assertThat(f.route("web").listeners()).extracting(GatewayListener::name).containsExactly("http");
        assertThat(f.route("db").listeners()).extracting(GatewayListener::name).containsExactly("tcp");
        assertThat(f.route("dns").listeners()).extracting(GatewayListener::name).containsExactly("udp");
        assertThat(f.route("pg").listeners()).extracting(GatewayListener::tlsMode).containsExactly("Passthrough");
        assertThat(f.route("pg").hostnames()).containsExactly("db.example.com");
        assertThat(f.route("db").route().object().getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1alpha2");
        assertThat(f.problems).isEmpty();
    }

    @Test
    void listenersOnOnePortWithTheSameHostnameConflictAndServeNothing() {
        String listeners = HTTP + """
                - name: http-again
                  port: 80
                  protocol: HTTP
                - name: tcp
                  port: 9000
                  protocol: TCP
                - name: udp
                  port: 9000
                  protocol: UDP
                - name: sctp
                  port: 7000
                  protocol: SCTP
                """;
        AdmissionFixture f = AdmissionFixture.admit(dir, CLASS + gateway("gw", "shop", listeners)
                + httpRoute("web", "shop", "- name: gw", "[]", "web") + service("web", "shop"));
        assertThat(AdmissionFixture.condition(f.listener("gw", "http").conditions(), "Conflicted").reason())
                .isEqualTo("HostnameConflict");
        assertThat(AdmissionFixture.condition(f.listener("gw", "http-again").conditions(), "Conflicted").status())
                .isEqualTo("True");
        assertThat(AdmissionFixture.condition(f.listener("gw", "tcp").conditions(), "Conflicted").reason())
                .isEqualTo("NoConflicts");
        assertThat(AdmissionFixture.condition(f.listener("gw", "sctp").conditions(), "Accepted").reason())
                .isEqualTo("UnsupportedProtocol");
        assertThat(f.gatewayStatus("gw").conditions().get(0).reason()).isEqualTo("ListenersNotValid");
        assertThat(f.accepted("web")).isFalse();
        assertThat(f.problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("attached only to listeners that are not accepted or are in conflict"));
    }

    @Test
    void selectorListenersReadNamespaceLabelsFromTheCluster() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .withLabels(Map.of("gateway-access", "yes")).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("blog")
                .withLabels(Map.of("gateway-access", "no")).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        String listeners = HTTP + """
                  allowedRoutes:
                    namespaces:
                      from: Selector
                      selector:
                        matchExpressions:
                        - key: gateway-access
                          operator: In
                          values: ["yes"]
                """;
        Manifests m = TestManifests.load(dir, CLASS + gateway("gw", "infra", listeners)
                + httpRoute("web", "shop", "- name: gw\n  namespace: infra", "[]", "web")
                + httpRoute("posts", "blog", "- name: gw\n  namespace: infra", "[]", "web"));
        AdmissionFixture f = AdmissionFixture.admit(m, MergedClusterView.load(m, client, Set.of()));
        assertThat(f.accepted("web")).isTrue();
        assertThat(f.accepted("posts")).isFalse();
        assertThat(f.parentCondition("posts", "Accepted").reason()).isEqualTo("NotAllowedByListeners");
    }
}
