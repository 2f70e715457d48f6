package io.konggitops.kong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KongPemTest {
    @TempDir
    Path dir;

    @Test
    void rsaKeysReadTheSameFromPkcs1AndPkcs8() throws Exception {
        KeyPair keys = TestPki.rsa();
        PrivateKey fromPkcs1 = KongPem.privateKey(TestPki.pem(dir, "rsa1.key", keys.getPrivate()));
        PrivateKey fromPkcs8 = KongPem.privateKey(TestPki.pkcs8Pem(dir, "rsa8.key", keys.getPrivate()));
        assertThat(fromPkcs1.getAlgorithm()).isEqualTo("RSA");
        assertThat(fromPkcs1.getEncoded()).isEqualTo(fromPkcs8.getEncoded());
    }

    @Test
    void ecKeysReadFromSec1WithItsNamedCurveAndFromPkcs8() throws Exception {
        KeyPair keys = TestPki.ec();
        PrivateKey fromSec1 = KongPem.privateKey(TestPki.pem(dir, "ec.key", keys.getPrivate()));
        PrivateKey fromPkcs8 = KongPem.privateKey(TestPki.pkcs8Pem(dir, "ec8.key", keys.getPrivate()));
        assertThat(fromSec1.getAlgorithm()).isEqualTo("EC");
        assertThat(((java.security.interfaces.ECPrivateKey) fromSec1).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) fromPkcs8).getS());
    }

    @Test
    void aCertificateChainFileGivesEveryCertificate() throws Exception {
        TestPki.Issued ca = TestPki.ca("ca");
        TestPki.Issued leaf = TestPki.leaf(ca, "leaf", TestPki.rsa(), "localhost");
        Path chain = TestPki.pem(dir, "chain.pem", leaf.cert(), ca.cert());
        assertThat(KongPem.certificates(chain)).containsExactly(leaf.cert(), ca.cert());
    }

    @Test
    void anEncryptedKeyIsRefusedWithWhatToDo() throws Exception {
        Path key = dir.resolve("enc.key");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KongPem.privateKey(key)).isInstanceOf(io.konggitops.problem.KongGitopsException.class)
                .hasMessageContaining("encrypted private key").hasMessageContaining("unencrypted");
    }

    @Test
    void aBrokenKeyIsNamedByItsFileNeverByItsContent() throws Exception {
        Path key = dir.resolve("broken.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nU0VDUkVUU0VDUkVUU0VDUkVU\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KongPem.privateKey(key)).isInstanceOf(io.konggitops.problem.KongGitopsException.class)
                .hasMessageContaining(key.toString()).hasMessageNotContaining("U0VDUkVU");
        Path notPem = dir.resolve("cert.txt");
        Files.writeString(notPem, "hello");
        assertThatThrownBy(() -> KongPem.certificates(notPem)).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> KongPem.privateKey(notPem)).hasMessageContaining("holds no PEM private key");
    }
}
