package io.konggitops.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken manifests through the CLI: {@code validate} fails (exit 1) and names file:line instead of passing with a
 * warning or crashing, and a manifest without namespace renders in {@code default} as {@code kubectl apply} puts it.
 */
class BrokenManifestsE2eTest {
    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: %s
            metadata:
              name: web
            %s  annotations: {kubernetes.io/ingress.class: kong}
            spec:
              rules:
              - host: web.example
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
            """;

    @TempDir
    Path tmp;
    private E2eFixture f;

    @BeforeEach
    void start() {
        f = new E2eFixture(tmp);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String ingress(String kind, String extraMetadata) {
        return INGRESS.formatted(kind, extraMetadata);
    }

    @Test
    void aMisspeltKindFailsValidateNamingFileAndLine() {
        f.repo.write("k8s/app.yaml", ingress("Ingres", "") + "---\n" + SERVICE);
        f.repo.commit("typo");
        E2eFixture.Run run = f.cli("validate");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.all()).contains("ERROR k8s/app.yaml:1 Ingres", "unknown kind Ingres in API group "
                + "networking.k8s.io (did you mean Ingress?)");
    }

    @Test
    void anIngressWithoutANameFailsValidateInsteadOfCrashing() {
        f.repo.write("k8s/app.yaml", ingress("Ingress", "").replace("  name: web\n", "  namespace: shop\n"));
        f.repo.commit("no name");
        E2eFixture.Run run = f.cli("validate");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.all()).contains("ERROR k8s/app.yaml:1 Ingress shop/", "has no metadata.name")
                .doesNotContain("NullPointerException");
    }

    @Test
    void aDocumentThatIsNotAKubernetesObjectFailsValidate() {
        f.repo.write("k8s/values.yaml", "replicas: 3\n");
        f.repo.write("k8s/svc.yaml", SERVICE);
        f.repo.commit("values");
        E2eFixture.Run run = f.cli("validate");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.all()).contains("ERROR k8s/values.yaml:1: document is not a Kubernetes object");
    }

    @Test
    void theSameIngressInTwoFilesFailsValidateNamingBoth() {
        f.repo.write("k8s/a.yaml", ingress("Ingress", "  namespace: shop\n"));
        f.repo.write("k8s/b.yaml", SERVICE + "---\n" + ingress("Ingress", "  namespace: shop\n"));
        f.repo.commit("twice");
        E2eFixture.Run run = f.cli("validate");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.all()).contains("ERROR k8s/b.yaml:9 Ingress shop/web: Ingress shop/web is defined twice: "
                + "at k8s/a.yaml:1 and here at k8s/b.yaml:9");
    }

    @Test
    void aSymlinkLoopIsReportedAndDoesNotFailTheRun() throws IOException {
        f.repo.write("k8s/app.yaml", ingress("Ingress", "") + "---\n" + SERVICE);
        f.repo.commit("app");
        Files.createSymbolicLink(f.repo.dir().resolve("zz-loop"), Path.of("."));
        E2eFixture.Run run = E2eFixture.runMain(java.util.List.of("validate", "--repo", f.repo.dir().toString(),
                "--endpoints", "manifests"), f.env);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.all()).contains("WARNING zz-loop: symlink loop");
    }

    @Test
    void manifestsWithoutNamespaceRenderInTheDefaultNamespace() {
        f.repo.write("k8s/app.yaml", ingress("Ingress", "") + "---\n" + SERVICE);
        f.repo.commit("no namespace");
        E2eFixture.Run run = f.cli("render");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("name: default.web.80", "host: web.default.80.svc",
                "name: web.default.80.svc", "k8s-namespace:default")
                .doesNotContain("name: .web.80", "web..80.svc", "web.null.svc");
    }
}
