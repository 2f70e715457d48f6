package io.konggitops.translate.atc;

import java.util.Locale;

/**
 * A field of Kong's expressions router ({@code kong/router/fields.lua}). Header and query fields carry a name:
 * a header name is lower-cased with {@code -} turned into {@code _}, as Kong requires.
 */
public record Field(String name) {
    public static final Field HTTP_PATH = new Field("http.path");
    public static final Field HTTP_HOST = new Field("http.host");
    public static final Field HTTP_METHOD = new Field("http.method");
    public static final Field TLS_SNI = new Field("tls.sni");
    public static final Field NET_PROTOCOL = new Field("net.protocol");
    public static final Field NET_DST_PORT = new Field("net.dst.port");
    public static final Field NET_SRC_PORT = new Field("net.src.port");

    /** {@code http.headers.<name>}, e.g. {@code X-Foo} → {@code http.headers.x_foo}. */
    public static Field header(String name) {
        return new Field("http.headers." + name.toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code http.queries.<name>}, the parameter name as given. */
    public static Field query(String name) {
        return new Field("http.queries." + name);
    }
}
