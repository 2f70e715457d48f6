package io.konggitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @Test
    void theSamplesAreValid() {
        Cli r = Cli.run("validate", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0 error(s)");
    }

    @Test
    void anIngressWithAMissingServiceIsAnErrorNamingFileLineAndObject(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("ingress.yaml"), """
                # a comment first, so the object starts on line 2
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                spec:
                  ingressClassName: kong
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: nowhere
                            port:
                              number: 80
                """);
        Cli r = Cli.run("validate", "--repo", repo.toString(), "--endpoints", "manifests");
        assertThat(r.exit()).isEqualTo(Main.ERROR);
        assertThat(r.out()).contains("ERROR ingress.yaml:2 Ingress shop/web").contains("nowhere");
    }

    @Test
    void malformedYamlIsAnErrorWithFileAndLine(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n");
        Cli r = Cli.run("validate", "--repo", repo.toString(), "--endpoints", "manifests");
        assertThat(r.exit()).isEqualTo(Main.ERROR);
        assertThat(r.out()).containsPattern("ERROR broken\\.yaml:\\d+");
    }

    private static final String GATEWAY_REPO = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: kong
            spec:
              controllerName: example.com/gitops
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: kong
              namespace: infra
            spec:
              gatewayClassName: kong
              listeners:
              - name: http
                port: 80
                protocol: HTTP
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: cart
              namespace: shop
            spec:
              parentRefs:
              - name: kong
                namespace: infra
              rules:
              - backendRefs:
                - name: cart
                  port: 80
            """;

    @Test
    void validatePrintsTheGatewayApiStatusWithWhatIsWrongMarked(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("gateway.yaml"), GATEWAY_REPO);
        Cli r = Cli.run("validate", "--repo", repo.toString(), "--endpoints", "manifests",
                "--gateway-controller-name", "example.com/gitops");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Gateway API status (computed; nothing is written to the cluster):")
                .contains("\n  Gateway infra/kong: Accepted=True, ResolvedRefs=True, Programmed=True\n")
                .contains("\n! HTTPRoute shop/cart -> Gateway infra/kong: Accepted=False (NotAllowedByListeners: "
                        + "listener http does not take routes from namespace shop (allowedRoutes.namespaces.from: "
                        + "Same))")
                .contains("WARNING gateway.yaml:20 HTTPRoute shop/cart: not accepted by Gateway infra/kong");
    }

    @Test
    void withAnotherControllerNameTheGatewayIsNotOurs(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("gateway.yaml"), GATEWAY_REPO);
        Cli r = Cli.run("validate", "--repo", repo.toString(), "--endpoints", "manifests");
        assertThat(r.out()).doesNotContain("Gateway API status")
                .contains("attached only to Gateways of other controllers");
    }

    @Test
    void validateWritesAMarkdownReportWithTheRoutesThatAreNotAccepted(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("gateway.yaml"), GATEWAY_REPO);
        Cli r = Cli.run("validate", "--repo", repo.toString(), "--endpoints", "manifests",
                "--gateway-controller-name", "example.com/gitops", "--report", "markdown");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("### kong-gitops validate: valid")
                .contains("| HTTPRoute shop/cart | Gateway infra/kong | Accepted=False | NotAllowedByListeners |")
                .doesNotContain("No plan was made");
    }
}
