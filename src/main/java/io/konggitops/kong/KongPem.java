package io.konggitops.kong;

import io.konggitops.problem.KongGitopsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** The Admin API's TLS files (CA, client certificate and key) read through {@link Pem}; messages name the file. */
final class KongPem {
    private KongPem() {
    }

    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs;
        try {
            certs = Pem.certificates(read(file, "certificate"));
        } catch (CertificateException e) {
            throw new KongGitopsException("certificate file " + file + " holds an unreadable certificate: "
                    + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new KongGitopsException("certificate file " + file
                    + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    static PrivateKey privateKey(Path file) {
        PrivateKey key;
        try {
            key = Pem.privateKey(read(file, "key"));
        } catch (GeneralSecurityException e) {
            throw new KongGitopsException("key file " + file + " " + e.getMessage(), e);
        }
        if (key == null) {
            throw new KongGitopsException("key file " + file + " holds no PEM private key (expected "
                    + "-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
        }
        return key;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KongGitopsException("cannot read " + what + " file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
