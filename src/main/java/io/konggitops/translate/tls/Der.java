package io.konggitops.translate.tls;

import java.util.Arrays;

/** Just enough DER reading to find the named curve inside a SEC1 {@code ECPrivateKey}. */
final class Der {
    private Der() {
    }

    /**
     * {@code ECPrivateKey ::= SEQUENCE { version INTEGER, privateKey OCTET STRING, [0] parameters OPTIONAL, ... }}:
     * returns the full TLV of the curve OBJECT IDENTIFIER inside {@code [0]}, or null.
     */
    static byte[] ecCurveOid(byte[] der) {
        int[] seq = header(der, 0);
        if (seq == null || der[0] != 0x30) return null;
        int pos = seq[0];
        int end = Math.min(der.length, seq[0] + seq[1]);
        while (pos < end) {
            int tag = der[pos] & 0xff;
            int[] h = header(der, pos);
            if (h == null) return null;
            if (tag == 0xa0) {
                int inner = h[0];
                if ((der[inner] & 0xff) != 0x06) return null;
                int[] oid = header(der, inner);
                if (oid == null) return null;
                return Arrays.copyOfRange(der, inner, oid[0] + oid[1]);
            }
            pos = h[0] + h[1];
        }
        return null;
    }

    /** {contentStart, contentLength} of the TLV at {@code pos}, or null if malformed. */
    private static int[] header(byte[] der, int pos) {
        if (pos + 2 > der.length) return null;
        int len = der[pos + 1] & 0xff;
        int start = pos + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 3 || start + n > der.length) return null;
            len = 0;
            for (int i = 0; i < n; i++) len = (len << 8) | (der[start + i] & 0xff);
            start += n;
        }
        if (start + len > der.length) return null;
        return new int[] {start, len};
    }
}
