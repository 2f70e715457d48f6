package io.konggitops.translate.tls;

import io.konggitops.kong.Pem;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks that a PEM certificate and a PEM private key form a pair, like Go's {@code tls.X509KeyPair} that KIC uses:
 * both are read with {@link Pem} (the key may be PKCS#8, PKCS#1 RSA or SEC1 EC) and the pair must sign and verify a
 * challenge.
 * Never includes key material in its messages.
 */
public final class PemKeyPair {
    private PemKeyPair() {
    }

    /** Why the pair is not usable, or null when it is. */
    public static String problem(String certPem, String keyPem) {
        if (certPem == null || certPem.isBlank()) return "tls.crt is missing or empty";
        if (keyPem == null || keyPem.isBlank()) return "tls.key is missing or empty";
        X509Certificate cert;
        try {
            List<X509Certificate> certs = Pem.certificates(certPem);
            if (certs.isEmpty()) return "tls.crt holds no PEM CERTIFICATE block";
            cert = certs.get(0);
        } catch (CertificateException | IllegalArgumentException e) {
            return "tls.crt is not a valid X.509 certificate";
        }
        PrivateKey key;
        try {
            key = Pem.privateKey(keyPem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "tls.key is not a valid PKCS#8, PKCS#1 (RSA) or SEC1 (EC) private key";
        }
        if (key == null) return "tls.key holds no PEM private key block";
        return Pem.keyMatches(key, cert.getPublicKey()) ? null : "tls.key does not match the public key of tls.crt";
    }

    /** Trims like KIC ({@code strings.TrimSpace}) before use. */
    public static String trim(String pem) {
        return pem == null ? null : pem.strip();
    }

}
