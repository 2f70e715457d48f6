package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON parsing for tests. */
final class KongDoubleTestJson {
    /** Certificates and keys Kong accepts, escaped for JSON (or YAML double-quoted) strings. */
    static final String CERT = TestCertificates.escaped(TestCertificates.of("a").cert());
    static final String KEY = TestCertificates.escaped(TestCertificates.of("a").key());
    static final String CERT2 = TestCertificates.escaped(TestCertificates.of("b").cert());
    static final String KEY2 = TestCertificates.escaped(TestCertificates.of("b").key());
    static final String CERT3 = TestCertificates.escaped(TestCertificates.of("c").cert());
    static final String KEY3 = TestCertificates.escaped(TestCertificates.of("c").key());
    static final String CA = TestCertificates.escaped(TestCertificates.ca("ca").cert());
    static final String CA2 = TestCertificates.escaped(TestCertificates.ca("ca2").cert());

    private KongDoubleTestJson() {
    }

    static JsonNode parse(String json) {
        try {
            return KongDouble.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
