package io.konggitops.translate.gateway;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Severity;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.konggitops.translate.gateway.GatewayManifests.gateway;
import static io.konggitops.translate.gateway.GatewayManifests.of;
import static io.konggitops.translate.gateway.GatewayManifests.translate;
import static org.assertj.core.api.Assertions.assertThat;

/** Gateway listener certificates → Kong certificates and SNIs (kic-translation §4.1). */
class ListenerCertificatesTest {
    @TempDir
    Path dir;

    private static String secret(String name, String uid, String crt, String key) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: shop
                  uid: %s
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                ---
                """.formatted(name, uid, TestManifests.pem(crt).indent(4).stripTrailing(),
                TestManifests.pem(key).indent(4).stripTrailing());
    }

    private static final String UID = "0d4b8b1e-7a4e-4c59-9a54-5a0f1f7c1a01";

    @Test
    void aListenerCertificateServesTheListenerHostnameWithTheSecretUidAsId() {
        Translation t = translate(dir, gateway("""
                - name: https
                  protocol: HTTPS
                  port: 443
                  hostname: shop.example.test
                  tls:
                    certificateRefs: [{name: shop-tls}]""") + secret("shop-tls", UID, "rsa1.crt", "rsa1.key"), false);
        KongEntity cert = of(t, EntityType.CERTIFICATE).get(0);
        assertThat(cert.get("id")).isEqualTo(UID);
        assertThat(cert.get("tags")).asList().contains("k8s-kind:Secret", "k8s-name:shop-tls");
        assertThat(of(t, EntityType.SNI)).extracting(e -> e.get("name")).containsExactly("shop.example.test");
        assertThat(t.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
    }

    @Test
    void aListenerWithoutHostnameServesEveryName() {
        Translation t = translate(dir, gateway("""
                - name: https
                  protocol: HTTPS
                  port: 443
                  tls:
                    certificateRefs: [{name: shop-tls}]""") + secret("shop-tls", UID, "rsa1.crt", "rsa1.key"), false);
        assertThat(of(t, EntityType.SNI)).extracting(e -> e.get("name")).containsExactly("*");
    }

    @Test
    void moreThanOneCertificateRefIsAnErrorAndGivesNoCertificate() {
        Translation t = translate(dir, gateway("""
                - name: https
                  protocol: HTTPS
                  port: 443
                  tls:
                    certificateRefs: [{name: a-tls}, {name: b-tls}]""") + secret("a-tls", UID, "rsa1.crt", "rsa1.key")
                + secret("b-tls", "0d4b8b1e-7a4e-4c59-9a54-5a0f1f7c1a02", "ec.crt", "ec.key"), false);
        assertThat(of(t, EntityType.CERTIFICATE)).isEmpty();
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("listener https has 2 certificateRefs; only one is supported");
        });
    }

    @Test
    void aHostnameAnIngressAlreadyServesKeepsTheIngressCertificate() {
        Translation t = translate(dir, TestManifests.ingress("web", "", "shop.example.test", "web", "number: 80")
                + """
                  tls:
                  - hosts: [shop.example.test]
                    secretName: ingress-tls
                ---
                """ + secret("ingress-tls", UID, "rsa1.crt", "rsa1.key") + gateway("""
                - name: https
                  protocol: HTTPS
                  port: 443
                  hostname: shop.example.test
                  tls:
                    certificateRefs: [{name: gw-tls}]""")
                + secret("gw-tls", "0d4b8b1e-7a4e-4c59-9a54-5a0f1f7c1a02", "ec.crt", "ec.key"), false);
        KongEntity sni = of(t, EntityType.SNI).get(0);
        assertThat(sni.get("name")).isEqualTo("shop.example.test");
        assertThat(sni.get("certificate").toString()).contains(UID);
        assertThat(t.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("SNI shop.example.test of Secret shop/gw-tls is already served by Secret shop/ingress-tls"));
    }
}
