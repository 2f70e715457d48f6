package io.konggitops.testing.kong;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates with their keys (PEM), made once per JVM and common name, for entities Kong accepts. */
public final class TestCertificates {
    /** A certificate and its private key (PKCS#8), both PEM. */
    public record Pair(String cert, String key) {
    }

    private static final Map<String, Pair> MADE = new ConcurrentHashMap<>();
    private static final Map<String, Pair> CAS = new ConcurrentHashMap<>();

    private TestCertificates() {
    }

    /** The pair for {@code cn} (the same one on every call in this JVM). */
    public static Pair of(String cn) {
        return MADE.computeIfAbsent(cn, TestCertificates::make);
    }

    /** A self-signed CA certificate (basic constraint CA) for {@code cn}, as {@code ca_certificates} need. */
    public static Pair ca(String cn) {
        return CAS.computeIfAbsent(cn, c -> make(c, true));
    }

    /** Text as it appears inside a JSON (or YAML double-quoted) string: newlines escaped. */
    public static String escaped(String pem) {
        return pem.replace("\r", "").replace("\n", "\\n");
    }

    private static Pair make(String cn) {
        return make(cn, false);
    }

    private static Pair make(String cn, boolean isCa) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + cn);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                    keys.getPublic());
            if (isCa) {
                builder.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                        new org.bouncycastle.asn1.x509.BasicConstraints(true));
            }
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new Pair(pem(holder), pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static String pem(Object o) throws java.io.IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }
}
