package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;

/**
 * {@code kong/db/schema/entities/ca_certificates.lua}: one PEM certificate, not expired, with the CA basic
 * constraint.
 */
final class CaCertificateRules implements EntityRules {
    private static final String CERT_TAG = "-----BEGIN CERTIFICATE-----";
    private static final String HINT = "put exactly one PEM CA certificate (basicConstraints CA:TRUE, not expired) in "
            + "the Secret's cert key";
    private final Clock clock;

    CaCertificateRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EntityType type() {
        return EntityType.CA_CERTIFICATE;
    }

    @Override
    public void check(Checks c) {
        c.required("cert", HINT);
        X509Certificate cert = CertificateRules.certificate(c, "cert");
        Typedefs.tags(c);
        if (cert == null) return;
        String pem = c.string("cert");
        int seen = pem.indexOf(CERT_TAG);
        if (seen >= 0 && pem.indexOf(CERT_TAG, seen + CERT_TAG.length()) >= 0) {
            c.fail("@entity", "please submit only one certificate at a time", HINT);
        } else if (cert.getNotAfter().before(Date.from(clock.instant()))) {
            c.fail("@entity", "certificate expired, \"Not After\" time is in the past", HINT);
        } else if (cert.getBasicConstraints() < 0) {
            c.fail("@entity", "certificate does not appear to be a CA because it is missing the \"CA\" basic "
                    + "constraint", HINT);
        }
    }
}
