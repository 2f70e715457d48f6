package io.konggitops.translate;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.konggitops.translate.TestManifests.ingress;
import static io.konggitops.translate.TestManifests.service;
import static org.assertj.core.api.Assertions.assertThat;

class TranslationProblemsTest {
    @TempDir
    Path dir;

    private Translation translate(String yaml) {
        Manifests m = TestManifests.load(dir, yaml);
        return Translator.translate(m, ManifestClusterView.endpoints(m), TranslateOptions.defaults());
    }

    private static Problem only(Translation t, String messagePart) {
        List<Problem> found = t.problems().stream().filter(p -> p.message().contains(messagePart)).toList();
        assertThat(found).as("problems containing '%s' in %s", messagePart, t.problems()).hasSize(1);
        return found.get(0);
    }

    @Test
    void missingServiceIsAnErrorOnTheIngressButServiceRouteAndEmptyUpstreamAreKept() {
        Translation t = translate(ingress("ghost", "", "g.example.test", "ghost", "number: 80"));
        Problem p = only(t, "failed to resolve Kubernetes Service for backend");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.object()).isEqualTo(ObjectRef.of("Ingress", "shop", "ghost"));
        assertThat(p.origin()).isEqualTo(Origin.of("in.yaml", 1));
        KongEntity svc = t.desired().of(EntityType.SERVICE).findFirst().orElseThrow();
        assertThat(String.valueOf(svc.get("tags"))).contains("k8s-name:UNKNOWN", "k8s-uid:00000000-0000-0000-0000-000000000000");
        assertThat(t.desired().of(EntityType.ROUTE)).hasSize(1);
        assertThat(t.desired().of(EntityType.UPSTREAM)).hasSize(1);
        assertThat(t.desired().of(EntityType.TARGET)).isEmpty();
    }

    @Test
    void portNotFoundIsAnErrorOnTheServiceAndTheIngress() {
        Translation t = translate(ingress("web", "", "w.example.test", "web", "number: 8080") + "---\n"
                + service("web", ""));
        List<Problem> ps = t.problems().stream().filter(p -> p.message().contains("port 8080 not found")).toList();
        assertThat(ps).extracting(Problem::severity).containsOnly(Severity.ERROR);
        assertThat(ps).extracting(Problem::object).containsExactly(ObjectRef.of("Service", "shop", "web"),
                ObjectRef.of("Ingress", "shop", "web"));
        assertThat(ps.get(0).origin().line()).isGreaterThan(1);
        assertThat(t.desired().of(EntityType.SERVICE).findFirst().orElseThrow().get("port")).isEqualTo(80L);
    }

    @Test
    void invalidAnnotationIsAWarningNamingTheAnnotationAndTheValueIsIgnored() {
        Translation t = translate(ingress("web", "konghq.com/regex-priority: high", "w.example.test", "web",
                "name: http") + "---\n" + service("web", ""));
        Problem p = only(t, "konghq.com/regex-priority");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.object()).isEqualTo(ObjectRef.of("Ingress", "shop", "web"));
        assertThat(p.origin()).isEqualTo(Origin.of("in.yaml", 1));
        assertThat(t.desired().of(EntityType.ROUTE).findFirst().orElseThrow().get("regex_priority")).isEqualTo(0L);
    }

    @Test
    void hostClaimedByTwoSecretsIsAConflictAndTheFirstSecretWins() throws IOException {
        String yaml = tlsIngress("a", "tls-a") + "---\n" + tlsIngress("b", "tls-b") + "---\n" + service("web", "")
                + "---\n" + secret("tls-a", "rsa8.crt", "rsa8.key") + "---\n" + secret("tls-b", "ec.crt", "ec.key");
        Translation t = translate(yaml);
        Problem p = only(t, "conflicting TLS hosts");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.object()).isEqualTo(ObjectRef.of("Ingress", "shop", "b"));
        List<KongEntity> snis = t.desired().of(EntityType.SNI).toList();
        assertThat(snis).hasSize(1);
        assertThat(t.desired().of(EntityType.CERTIFICATE).filter(c -> c.id().equals(snis.get(0).foreignKey(
                "certificate"))).findFirst().orElseThrow().source()).isEqualTo(ObjectRef.of("Secret", "shop", "tls-a"));
    }

    @Test
    void badCertificatePairIsAnErrorOnTheIngressAndOnTheSecret() throws IOException {
        String yaml = tlsIngress("a", "bad") + "---\n" + service("web", "") + "---\n"
                + secret("bad", "rsa8.crt", "ec.key");
        Translation t = translate(yaml);
        List<Problem> ps = t.problems().stream().filter(p -> p.message().contains("not a valid TLS key pair")).toList();
        assertThat(ps).extracting(Problem::severity).containsOnly(Severity.ERROR);
        assertThat(ps).extracting(Problem::object).containsExactly(ObjectRef.of("Ingress", "shop", "a"),
                ObjectRef.of("Secret", "shop", "bad"));
        assertThat(ps.get(1).origin().file()).isEqualTo("in.yaml");
        assertThat(ps.get(1).origin().line()).isGreaterThan(1);
        assertThat(t.desired().of(EntityType.CERTIFICATE)).isEmpty();
        assertThat(ps.toString()).doesNotContain("PRIVATE KEY");
    }

    private static String tlsIngress(String name, String secret) {
        return ingress(name, "", "shop.example.test", "web", "name: http") + """
                  tls:
                  - hosts: [shop.example.test]
                    secretName: %s
                """.formatted(secret);
    }

    static String secret(String name, String crt, String key) throws IOException {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: shop
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                """.formatted(name, TestManifests.pem(crt).indent(4).stripTrailing(),
                TestManifests.pem(key).indent(4).stripTrailing());
    }
}
