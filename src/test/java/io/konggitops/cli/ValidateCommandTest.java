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
}
