package io.konggitops.kong;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM certificates and private keys with the JDK only, the one place that reads them (Admin API mTLS files, TLS
 * Secrets). Keys: PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519, Ed448), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1
 * ({@code EC PRIVATE KEY}); the last two are wrapped into PKCS#8 with a few lines of DER. Exceptions never carry
 * key material.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    /** DER of OID 1.2.840.113549.1.1.1 (rsaEncryption). */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01};
    /** DER of OID 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** One {@code -----BEGIN type-----} block, decoded. */
    public record Block(String type, byte[] der) {
    }

    public static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    /** Every {@code CERTIFICATE} block, in order; empty when there is none. */
    public static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (Block b : blocks(pem)) {
            if (b.type().equals("CERTIFICATE")) {
                certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return certs;
    }

    /**
     * The first private key of the PEM text, or null when it has no private-key block.
     *
     * @throws GeneralSecurityException when a key block cannot be read (encrypted, unsupported, malformed); the message
     *                                  reads on from "the file ..." ("holds an encrypted private key; ...")
     */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        for (Block b : blocks(pem)) {
            try {
                switch (b.type()) {
                    case "PRIVATE KEY":
                        return pkcs8(b.der());
                    case "RSA PRIVATE KEY":
                        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                                pkcs8Wrap(seq(concat(RSA_OID, new byte[]{0x05, 0x00})), b.der())));
                    case "EC PRIVATE KEY":
                        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                                pkcs8Wrap(seq(concat(EC_OID, sec1CurveOid(b.der()))), b.der())));
                    case "ENCRYPTED PRIVATE KEY":
                        throw new GeneralSecurityException("holds an encrypted private key; give an unencrypted PEM key "
                                + "(PKCS#8, PKCS#1 or EC)");
                    default:
                        // EC PARAMETERS and other blocks are skipped
                }
            } catch (RuntimeException malformed) {
                throw new GeneralSecurityException("holds a " + b.type() + " block that cannot be read as a private key ("
                        + malformed.getClass().getSimpleName() + ")");
            }
        }
        return null;
    }

    /**
     * Whether {@code key} is the private half of {@code pub} (Kong: "certificate does not match key"): a random
     * challenge signed with the key must verify with the public key.
     */
    public static boolean keyMatches(PrivateKey key, java.security.PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null || !key.getAlgorithm().equals(pub.getAlgorithm())
                && !(key.getAlgorithm().startsWith("Ed") && pub.getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new java.security.SecureRandom().nextBytes(challenge);
            java.security.Signature s = java.security.Signature.getInstance(alg);
            s.initSign(key);
            s.update(challenge);
            byte[] sig = s.sign();
            java.security.Signature v = java.security.Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("holds an unsupported or malformed PKCS#8 private key");
    }

    // --- minimal DER ---

    /** The {@code [0] parameters} OID of a SEC1 ECPrivateKey (RFC 5915), as a complete DER OID. */
    private static byte[] sec1CurveOid(byte[] sec1) throws GeneralSecurityException {
        int[] pos = {0};
        if ((sec1[pos[0]++] & 0xff) != 0x30) throw new GeneralSecurityException("holds an EC PRIVATE KEY that is not a DER sequence");
        int end = length(sec1, pos) + pos[0];
        while (pos[0] < end) {
            int tag = sec1[pos[0]++] & 0xff;
            int len = length(sec1, pos);
            if (tag == 0xa0) {
                int start = pos[0];
                if ((sec1[start] & 0xff) != 0x06) break;
                byte[] oid = new byte[len];
                System.arraycopy(sec1, start, oid, 0, len);
                return oid;
            }
            pos[0] += len;
        }
        throw new GeneralSecurityException("holds an EC PRIVATE KEY without named-curve parameters; convert it to PKCS#8 "
                + "(openssl pkcs8 -topk8 -nocrypt)");
    }

    private static int length(byte[] der, int[] pos) {
        int b = der[pos[0]++] & 0xff;
        if (b < 0x80) return b;
        int n = b & 0x7f;
        int len = 0;
        for (int i = 0; i < n; i++) len = (len << 8) | (der[pos[0]++] & 0xff);
        return len;
    }

    private static byte[] pkcs8Wrap(byte[] algorithmIdentifier, byte[] privateKey) {
        return seq(concat(new byte[]{0x02, 0x01, 0x00}, algorithmIdentifier, tlv(0x04, privateKey)));
    }

    private static byte[] seq(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
