package io.konggitops.translate.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PemKeyPairTest {

    static String pem(String name) throws IOException {
        try (InputStream in = PemKeyPairTest.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} + {1} is a valid pair")
    @CsvSource({"rsa8.crt, rsa8.key", "rsa1.crt, rsa1.key", "ec.crt, ec.key"})
    void acceptsPkcs8Pkcs1AndSec1Keys(String cert, String key) throws IOException {
        assertThat(PemKeyPair.problem(pem(cert), pem(key))).isNull();
    }

    @Test
    void rejectsAKeyOfAnotherCertificate() throws IOException {
        assertThat(PemKeyPair.problem(pem("rsa8.crt"), pem("rsa1.key"))).contains("does not match");
        assertThat(PemKeyPair.problem(pem("ec.crt"), pem("rsa8.key"))).contains("does not match");
    }

    @Test
    void rejectsGarbageAndMissingParts() throws IOException {
        assertThat(PemKeyPair.problem("", pem("rsa8.key"))).contains("tls.crt is missing");
        assertThat(PemKeyPair.problem(pem("rsa8.crt"), null)).contains("tls.key is missing");
        assertThat(PemKeyPair.problem("not a pem", pem("rsa8.key"))).contains("no PEM CERTIFICATE");
        assertThat(PemKeyPair.problem(pem("rsa8.crt"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .contains("not a valid");
        assertThat(PemKeyPair.problem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", pem("rsa8.key")))
                .contains("not a valid X.509");
    }

    @Test
    void messagesNeverContainKeyMaterial() throws IOException {
        String key = pem("rsa1.key");
        String line = key.lines().skip(1).findFirst().orElseThrow();
        assertThat(PemKeyPair.problem(pem("rsa8.crt"), key)).doesNotContain(line);
    }
}
