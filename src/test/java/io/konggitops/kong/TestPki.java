package io.konggitops.kong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** Test-only certificates made with BouncyCastle (test scope): a CA and certificates it signs, as PEM and PKCS#12. */
final class TestPki {
    static final String STORE_PASSWORD = "changeit";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    record Issued(KeyPair keys, X509Certificate cert) {
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** BouncyCastle's EC keys encode their named curve inside the SEC1 structure, as OpenSSL's do. */
    static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static Issued ca(String cn) throws Exception {
        KeyPair keys = rsa();
        return new Issued(keys, sign(cn, keys, cn, keys.getPrivate(), true, null));
    }

    /** A leaf certificate signed by {@code ca} with subject alternative names ({@code ip:} or DNS). */
    static Issued leaf(Issued ca, String cn, KeyPair keys, String... sans) throws Exception {
        return new Issued(keys, sign(cn, keys, ca.cert().getSubjectX500Principal().getName(), ca.keys().getPrivate(),
                false, sans));
    }

    private static X509Certificate sign(String cn, KeyPair keys, String issuer, PrivateKey issuerKey, boolean isCa,
                                        String[] sans) throws Exception {
        Instant now = Instant.now();
        X500Name issuerName = issuer.contains("=") ? new X500Name(issuer) : new X500Name("CN=" + issuer);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (sans != null && sans.length > 0) {
            GeneralName[] names = new GeneralName[sans.length];
            for (int i = 0; i < sans.length; i++) {
                names[i] = sans[i].startsWith("ip:") ? new GeneralName(GeneralName.iPAddress, sans[i].substring(3))
                        : new GeneralName(GeneralName.dNSName, sans[i]);
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        String alg = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
    }

    static Path pem(Path dir, String name, Object... objects) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) w.writeObject(o);
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sw.toString());
        return p;
    }

    /** The key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). */
    static Path pkcs8Pem(Path dir, String name, PrivateKey key) throws IOException {
        return pem(dir, name, new JcaPKCS8Generator(key, null).generate());
    }

    static Path keyStore(Path dir, String name, Issued issued, X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", issued.keys().getPrivate(), STORE_PASSWORD.toCharArray(),
                new X509Certificate[]{issued.cert(), ca});
        return store(dir, name, ks);
    }

    static Path trustStore(Path dir, String name, X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        return store(dir, name, ks);
    }

    private static Path store(Path dir, String name, KeyStore ks) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, STORE_PASSWORD.toCharArray());
        }
        return p;
    }

    private TestPki() {
    }
}
