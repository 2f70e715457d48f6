package io.konggitops.kong;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HTTPS Admin APIs (WireMock with certificates from a test CA): verification, a given CA, skip-verify, mTLS. */
class AdminClientTlsTest {
    @TempDir
    static Path dir;
    static TestPki.Issued ca;
    static Path caPem;
    static WireMockKong https;
    static WireMockKong wrongHost;
    static WireMockKong mtls;

    @BeforeAll
    static void start() throws Exception {
        ca = TestPki.ca("kong-gitops test CA");
        caPem = TestPki.pem(dir, "ca.pem", ca.cert());
        TestPki.Issued server = TestPki.leaf(ca, "kong-admin", TestPki.rsa(), "ip:127.0.0.1", "localhost");
        Path serverStore = TestPki.keyStore(dir, "server.p12", server, ca.cert());
        https = new WireMockKong(httpsConfig(serverStore));
        TestPki.Issued other = TestPki.leaf(ca, "elsewhere", TestPki.rsa(), "kong.elsewhere.internal");
        wrongHost = new WireMockKong(httpsConfig(TestPki.keyStore(dir, "other.p12", other, ca.cert())));
        mtls = new WireMockKong(httpsConfig(serverStore).needClientAuth(true)
                .trustStorePath(TestPki.trustStore(dir, "clients.p12", ca.cert()).toString())
                .trustStorePassword(TestPki.STORE_PASSWORD).trustStoreType("PKCS12"));
        for (WireMockKong k : new WireMockKong[]{https, wrongHost, mtls}) {
            k.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson(
                    "{\"version\":\"3.9.1\",\"configuration\":{\"database\":\"postgres\",\"router_flavor\":\"traditional_compatible\"}}")));
        }
    }

    private static WireMockConfiguration httpsConfig(Path keyStore) {
        return WireMockConfiguration.options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(TestPki.STORE_PASSWORD)
                .keyManagerPassword(TestPki.STORE_PASSWORD).keystoreType("PKCS12")
                .containerThreads(8).jettyAcceptors(1);
    }

    @AfterAll
    static void stop() {
        for (WireMockKong k : new WireMockKong[]{https, wrongHost, mtls}) {
            if (k != null) k.close();
        }
    }

    private static String url(WireMockKong k) {
        return "https://127.0.0.1:" + k.server.httpsPort();
    }

    @Test
    void anUntrustedCertificateFailsByDefaultWithAClearMessage() {
        try (AdminClient client = new AdminClient(AdminClientOptions.of(url(https)))) {
            KongApiException e = catchThrowableOfType(KongApiException.class, client::root);
            assertThat(e.status()).isZero();
            assertThat(e.getMessage())
                    .contains("GET / failed: the TLS certificate of the Kong Admin API at " + url(https))
                    .contains("is not trusted by the JVM trust store")
                    .contains("give the CA certificate that signed it");
        }
    }

    @Test
    void theGivenCaCertificateIsTrusted() {
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(url(https)).caCert(caPem).build())) {
            assertThat(client.root().version()).isEqualTo("3.9.1");
        }
    }

    @Test
    void aCaCertificateThatDidNotSignTheServerIsNotTrusted() throws Exception {
        Path otherCa = TestPki.pem(dir, "other-ca.pem", TestPki.ca("another CA").cert());
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(url(https)).caCert(otherCa).build())) {
            KongApiException e = catchThrowableOfType(KongApiException.class, client::root);
            assertThat(e.getMessage()).contains("is not trusted by the given CA certificate");
        }
    }

    @Test
    void skipVerifyTrustsAnyCertificate() {
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(url(https)).tlsSkipVerify(true).build())) {
            assertThat(client.root().database()).isEqualTo("postgres");
        }
    }

    @Test
    void aCertificateForAnotherHostIsRejectedEvenWhenItsCaIsTrusted() {
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(url(wrongHost)).caCert(caPem).build())) {
            KongApiException e = catchThrowableOfType(KongApiException.class, client::root);
            assertThat(e.getMessage()).contains("does not name that host");
        }
        try (AdminClient client = new AdminClient(AdminClientOptions.builder(url(wrongHost)).tlsSkipVerify(true).build())) {
            assertThat(client.root().version()).isEqualTo("3.9.1");
        }
    }

    @Test
    void mutualTlsWorksWithAnEcClientKeyInSec1Form() throws Exception {
        TestPki.Issued client = TestPki.leaf(ca, "kong-gitops", TestPki.ec());
        Path cert = TestPki.pem(dir, "client-ec.pem", client.cert());
        Path key = TestPki.pem(dir, "client-ec.key", client.keys().getPrivate());
        assertThat(java.nio.file.Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        try (AdminClient admin = new AdminClient(AdminClientOptions.builder(url(mtls)).caCert(caPem)
                .clientCertificate(cert, key).build())) {
            assertThat(admin.root().version()).isEqualTo("3.9.1");
        }
    }

    @Test
    void mutualTlsWorksWithAnRsaClientKeyInPkcs1AndPkcs8Form() throws Exception {
        TestPki.Issued client = TestPki.leaf(ca, "kong-gitops", TestPki.rsa());
        Path cert = TestPki.pem(dir, "client-rsa.pem", client.cert());
        Path pkcs1 = TestPki.pem(dir, "client-rsa1.key", client.keys().getPrivate());
        Path pkcs8 = TestPki.pkcs8Pem(dir, "client-rsa8.key", client.keys().getPrivate());
        assertThat(java.nio.file.Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(java.nio.file.Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");
        for (Path key : new Path[]{pkcs1, pkcs8}) {
            try (AdminClient admin = new AdminClient(AdminClientOptions.builder(url(mtls)).caCert(caPem)
                    .clientCertificate(cert, key).build())) {
                assertThat(admin.root().version()).isEqualTo("3.9.1");
            }
        }
    }

    @Test
    void withoutAClientCertificateAnMtlsAdminApiRefusesTheHandshake() {
        try (AdminClient admin = new AdminClient(AdminClientOptions.builder(url(mtls)).caCert(caPem).build())) {
            KongApiException e = catchThrowableOfType(KongApiException.class, admin::root);
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("GET / failed").contains(url(mtls));
        }
    }
}
