package io.konggitops.translate.gateway;

import java.util.List;

/**
 * A listener of a Gateway that kong-gitops' controller name owns, as translation needs it (kic-translation §4.1).
 *
 * @param hostname        {@code null} when the listener matches any host
 * @param tlsMode         {@code Terminate}, {@code Passthrough}, or {@code null} without TLS
 * @param certificateRefs the listener's certificate Secrets that it may use, in order: with admission, Secrets that
 *                        exist, hold PEM {@code tls.crt} and {@code tls.key} and are in the Gateway's namespace or
 *                        granted by a ReferenceGrant (admission reports the others)
 */
public record GatewayListener(String gatewayNamespace, String gatewayName, String name, String protocol, int port,
                              String hostname, String tlsMode, List<SecretRef> certificateRefs) {
    public GatewayListener {
        certificateRefs = certificateRefs == null ? List.of() : List.copyOf(certificateRefs);
    }

    /** A Secret named by {@code tls.certificateRefs}. */
    public record SecretRef(String namespace, String name) {
    }
}
