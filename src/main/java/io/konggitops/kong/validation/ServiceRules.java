package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;

import java.util.List;

/** {@code kong/db/schema/entities/services.lua}: field types and the protocol conditionals. */
final class ServiceRules implements EntityRules {
    private static final Typedef NONZERO_TIMEOUT = Typedef.between(1, (1L << 31) - 2);
    private static final List<String> NO_PATH = List.of("tcp", "tls", "udp", "grpc", "grpcs");
    private static final List<String> TLS = List.of("https", "tls");

    @Override
    public EntityType type() {
        return EntityType.SERVICE;
    }

    @Override
    public void check(Checks c) {
        c.field("name", Typedefs.UTF8_NAME_T, Typedefs.NAME_HINT);
        c.field("retries", Typedef.between(0, 32767), "use konghq.com/retries between 0 and 32767");
        c.field("protocol", Typedefs.PROTOCOL, "use a protocol Kong knows (konghq.com/protocol)");
        c.required("host", "");
        c.field("host", Typedefs.HOST, "use a host name or IP address without port");
        c.field("port", Typedefs.PORT, "use a port between 0 and 65535");
        c.field("path", Typedefs.PATH, "write konghq.com/path as an absolute URL path without empty segments "
                + "('//') and with only RFC 3986 characters, percent-encoded where needed");
        for (String t : List.of("connect_timeout", "read_timeout", "write_timeout")) {
            c.field(t, NONZERO_TIMEOUT, "use a timeout between 1 and 2147483646 milliseconds");
        }
        Typedefs.tags(c);
        c.field("tls_verify_depth", Typedef.between(0, 64), "use konghq.com/tls-verify-depth between 0 and 64");
        c.each("ca_certificates", Typedefs.UUID_T, "the CA certificate Secret's id must be a UUID");
        if (!c.found().isEmpty()) return;
        String protocol = c.string("protocol") == null ? "http" : c.string("protocol");
        if (NO_PATH.contains(protocol)) {
            conditional(c, "path", "set no konghq.com/path on a Service whose protocol is " + protocol);
        }
        if (!TLS.contains(protocol)) {
            String hint = "use konghq.com/protocol https (or tls), or remove the TLS annotation";
            for (String f : List.of("client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates")) {
                conditional(c, f, hint);
            }
        }
    }

    private static void conditional(Checks c, String field, String hint) {
        if (c.get(field) != null) {
            c.fail(field, "value must be null (failed conditional validation given value of field 'protocol')",
                    hint);
        }
    }
}
