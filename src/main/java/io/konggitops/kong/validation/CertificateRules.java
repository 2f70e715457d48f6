package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.Pem;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@code kong/db/schema/entities/certificates.lua}: {@code cert} and {@code key} parse ({@code typedefs.certificate},
 * {@code typedefs.key}) and the key matches the certificate; the same for {@code cert_alt}/{@code key_alt}, which go
 * together. Messages never include key material.
 */
final class CertificateRules implements EntityRules {
    private static final String HINT = "put a PEM certificate in tls.crt and its matching PEM private key in tls.key";

    @Override
    public EntityType type() {
        return EntityType.CERTIFICATE;
    }

    @Override
    public void check(Checks c) {
        pair(c, "cert", "key", "certificate does not match key", true);
        if ((c.get("cert_alt") == null) != (c.get("key_alt") == null)) {
            c.fail("@entity", "all or none of these fields must be set: 'cert_alt', 'key_alt'", HINT);
        } else if (c.get("cert_alt") != null) {
            pair(c, "cert_alt", "key_alt", "alternative certificate does not match key", false);
        }
        Typedefs.tags(c);
        c.each("snis", Typedefs.WILDCARD_HOST, "use DNS names as SNIs");
    }

    private static void pair(Checks c, String certField, String keyField, String mismatch, boolean required) {
        if (required) {
            c.required(certField, HINT);
            c.required(keyField, HINT);
        }
        X509Certificate cert = certificate(c, certField);
        PrivateKey key = key(c, keyField);
        if (cert != null && key != null && !Pem.keyMatches(key, cert.getPublicKey())) {
            c.fail("@entity", mismatch, HINT);
        }
    }

    /** {@code validate_certificate}: the first PEM certificate, or null after reporting why there is none. */
    static X509Certificate certificate(Checks c, String field) {
        if (!(c.get(field) instanceof String pem)) return null;
        try {
            List<X509Certificate> certs = Pem.certificates(pem);
            if (!certs.isEmpty()) return certs.get(0);
            c.fail(field, "invalid certificate: no PEM CERTIFICATE block found", HINT);
        } catch (CertificateException | IllegalArgumentException e) {
            c.fail(field, "invalid certificate: not a parseable X.509 certificate", HINT);
        }
        return null;
    }

    /** {@code validate_key}. */
    private static PrivateKey key(Checks c, String field) {
        if (!(c.get(field) instanceof String pem)) return null;
        try {
            PrivateKey key = Pem.privateKey(pem);
            if (key != null) return key;
            c.fail(field, "invalid key: no PEM private key block found", HINT);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            c.fail(field, "invalid key: not a readable unencrypted PEM private key", HINT);
        }
        return null;
    }
}
