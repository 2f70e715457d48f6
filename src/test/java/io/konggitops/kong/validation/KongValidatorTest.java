package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.konggitops.kong.RouterFlavor.EXPRESSIONS;
import static io.konggitops.kong.RouterFlavor.TRADITIONAL;
import static io.konggitops.kong.RouterFlavor.TRADITIONAL_COMPATIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One row per rule of Kong's schema: what Kong rejects, in which field, with which words; and what it accepts. */
class KongValidatorTest {
    private static final KongTarget COMPATIBLE = new KongTarget("3.9.1", TRADITIONAL_COMPATIBLE, false);

    static Stream<Arguments> rejected() {
        return Stream.of(
                row("a tag with a slash is not a valid tag", route(Map.of("tags", List.of("k8s-name:web", "team/app"))),
                        "tags[1]", "invalid tag 'team/app': expected printable ascii (except `,` and `/`)"),
                row("a tag with a comma is not a valid tag", service(Map.of("tags", List.of("a,b"))),
                        "tags[0]", "invalid tag 'a,b'"),
                row("a route name with a space is not a valid name", route(Map.of("name", "my route")),
                        "name", "the only accepted ascii characters are alphanumerics or ., -, _, and ~"),
                row("an unclosed group in a regex path is an invalid regex", TRADITIONAL,
                        route(Map.of("paths", List.of("~/v1/items($"))), "paths[0]", "invalid regex: '/v1/items($'"),
                row("a look-ahead fails the ATC check under traditional_compatible",
                        route(Map.of("paths", List.of("~/orders/(?!internal)"))), "paths[0]",
                        "Router Expression failed validation: regex parse error in '^/orders/(?!internal)': "
                                + "look-around, including look-ahead and look-behind, is not supported"),
                row("a look-behind fails the ATC check under expressions", EXPRESSIONS,
                        route(Map.of("paths", List.of("~/a(?<=a)b"))), "paths[0]", "look-around"),
                row("a back-reference fails the ATC check", route(Map.of("paths", List.of("~/(a)-\\1"))),
                        "paths[0]", "backreferences are not supported"),
                row("a named back-reference fails the ATC check",
                        route(Map.of("paths", List.of("~/(?<x>a)-\\k<x>"))), "paths[0]",
                        "backreferences are not supported"),
                row("an atomic group fails the ATC check", route(Map.of("paths", List.of("~/(?>ab|a)c"))),
                        "paths[0]", "unrecognized flag"),
                row("a PCRE-only escape such as \\Z fails the ATC check", route(Map.of("paths", List.of("~/a\\Z"))),
                        "paths[0]", "unrecognized escape sequence"),
                row("a literal brace is a PCRE literal but a Rust error",
                        route(Map.of("paths", List.of("~/users/{id}"))), "paths[0]",
                        "repetition quantifier expects a valid decimal"),
                row("an escaped slash fails the ATC check before Kong 3.4 (Rust regex before 1.8)",
                        new KongTarget("3.3.1", TRADITIONAL_COMPATIBLE, false),
                        route(Map.of("paths", List.of("~/a\\/b"))), "paths[0]", "unrecognized escape sequence"),
                row("a look-ahead in the regex of an expression fails the ATC check", EXPRESSIONS,
                        expressionRoute("(http.host == \"a.test\") && (http.path ~ \"^/orders/(?!internal)\")"),
                        "expression", "regex parse error in '^/orders/(?!internal)': look-around"),
                row("an escaped quote does not end an expression's regex literal", EXPRESSIONS,
                        expressionRoute("http.headers.x_a ~ \"a\\\"(?<=b)\""), "expression", "look-around"),
                row("a header regex with a look-ahead fails the ATC check",
                        route(Map.of("headers", Map.of("x-version", List.of("~*v(?=1)")))), "headers.x-version",
                        "look-around"),
                row("an unbounded look-behind is refused by PCRE", TRADITIONAL,
                        route(Map.of("paths", List.of("~/(?<=a+)b"))), "paths[0]",
                        "lookbehind assertion is not fixed length"),
                row("snis on a route whose protocols are only http are refused",
                        route(Map.of("protocols", List.of("http"), "snis", List.of("a.example.com"))), "snis",
                        "'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or 'tls_passthrough'"),
                row("a wildcard SNI on a route is refused under traditional", TRADITIONAL,
                        route(Map.of("snis", List.of("*.example.com"))), "snis[0]", "invalid value: *.example.com"),
                row("a wildcard SNI on a route is refused before Kong 3.7",
                        new KongTarget("3.6.1", TRADITIONAL_COMPATIBLE, false),
                        route(Map.of("snis", List.of("*.example.com"))), "snis[0]", "invalid value: *.example.com"),
                row("a host header is refused: hosts match the host",
                        route(Map.of("headers", Map.of("Host", List.of("a.example.com")))), "headers.Host",
                        "cannot contain 'host' header, which must be specified in the 'hosts' attribute"),
                row("a header name with a dot is not a header name",
                        route(Map.of("headers", Map.of("x.y", List.of("1")))), "headers.x.y", "bad header name 'x.y'"),
                row("a route without any matcher is refused",
                        route(Map.of("paths", List.of(), "hosts", List.of(), "protocols", List.of("http"))), "@entity",
                        "must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'"),
                row("http and tcp on one route are mutually exclusive",
                        route(Map.of("protocols", List.of("http", "tcp"))), "protocols",
                        "these sets are mutually exclusive"),
                row("an unknown protocol is refused", route(Map.of("protocols", List.of("htp"))), "protocols[0]",
                        "expected one of: grpc, grpcs, http"),
                row("a lower-case method is refused", route(Map.of("methods", List.of("get"))), "methods[0]",
                        "invalid value: get"),
                row("a host with two wildcards is refused", route(Map.of("hosts", List.of("*.example.*"))),
                        "hosts[0]", "invalid wildcard: must have at most one wildcard"),
                row("a wildcard in the middle of a host is refused", route(Map.of("hosts", List.of("a.*.com"))),
                        "hosts[0]", "invalid wildcard: must be placed at leftmost or rightmost label"),
                row("a route path with an empty segment is refused", route(Map.of("paths", List.of("/a//b"))),
                        "paths[0]", "must not have empty segments"),
                row("a regex path with an empty segment is refused too", route(Map.of("paths", List.of("~/a//b$"))),
                        "paths[0]", "must not have empty segments"),
                row("a prefix path with dot segments is not normalized", route(Map.of("paths", List.of("/a/../b"))),
                        "paths[0]", "non-normalized path, consider use '/b' instead"),
                row("a percent-encoded unreserved character is not normalized",
                        route(Map.of("paths", List.of("/caf%41"))), "paths[0]", "consider use '/cafA' instead"),
                row("a broken percent-encoding is refused", route(Map.of("paths", List.of("/a%zz"))), "paths[0]",
                        "invalid url-encoded value: '%zz'"),
                row("a path must start with / or ~/", route(Map.of("paths", List.of("api"))), "paths[0]",
                        "should start with: / (fixed path) or ~/ (regex path)"),
                row("strip_path on a gRPC route is refused",
                        route(Map.of("protocols", List.of("grpc"), "strip_path", true)), "strip_path",
                        "cannot set 'strip_path' when 'protocols' is 'grpc' or 'grpcs'"),
                row("a redirect status code Kong does not know is refused",
                        route(Map.of("https_redirect_status_code", 303)), "https_redirect_status_code",
                        "expected one of: 426, 301, 302, 307, 308"),
                row("a service path with an empty segment is refused", service(Map.of("path", "/api//v1")), "path",
                        "must not have empty segments"),
                row("a service path with a space is refused", service(Map.of("path", "/a b")), "path",
                        "characters outside of the reserved list of RFC 3986 found"),
                row("a service path must start with /", service(Map.of("path", "api")), "path",
                        "should start with: /"),
                row("a service host must not have a port", service(Map.of("host", "web.shop:80")), "host",
                        "must not have a port"),
                row("a service host must be a host name", service(Map.of("host", "web_shop!")), "host",
                        "invalid value: web_shop!"),
                row("a service port above 65535 is refused", service(Map.of("port", 70000)), "port",
                        "value should be between 0 and 65535"),
                row("negative retries are refused", service(Map.of("retries", -1)), "retries",
                        "value should be between 0 and 32767"),
                row("a zero connect timeout is refused", service(Map.of("connect_timeout", 0)), "connect_timeout",
                        "value should be between 1 and 2147483646"),
                row("tls_verify on an http service is refused", service(Map.of("tls_verify", true)), "tls_verify",
                        "value must be null"),
                row("a path on a gRPC service is refused", service(Map.of("protocol", "grpc", "path", "/a")), "path",
                        "value must be null"),
                row("an upstream named by an IP address is refused", upstream("10.0.0.1"), "name",
                        "Invalid name ('10.0.0.1'); no ip addresses allowed"),
                row("an upstream name with a port is refused", upstream("web.shop:80"), "name",
                        "Invalid name ('web.shop:80'); no port allowed"),
                row("an upstream name that is no host name is refused", upstream("web shop"), "name",
                        "Invalid name ('web shop'); must be a valid hostname"),
                row("a target that is no host is refused", target("not a host:80", 100), "target",
                        "Invalid target ('not a host:80'); not a valid hostname or ip address"),
                row("a target weight above 65535 is refused", target("10.0.0.1:80", 70000), "weight",
                        "value should be between 0 and 65535"),
                row("an SNI that is an IP address is refused", sni("10.0.0.1"), "name", "must not be an IP"),
                row("an SNI with two wildcards is refused", sni("*.a.*"), "name", "only one wildcard must be specified"),
                row("a certificate that is no PEM is refused", certificate("garbage", read("tls/rsa1.key")), "cert",
                        "invalid certificate"),
                row("a key that is no PEM is refused", certificate(read("tls/rsa1.crt"), "garbage"), "key",
                        "invalid key"),
                row("a key that does not match the certificate is refused",
                        certificate(read("tls/rsa1.crt"), read("tls/rsa8.key")), "@entity",
                        "certificate does not match key"),
                row("a CA certificate without the CA constraint is refused", caCertificate(read("validation/leaf.crt")),
                        "@entity", "missing the \"CA\" basic constraint"),
                row("a CA certificate bundle is refused",
                        caCertificate(read("tls/rsa1.crt") + "\n" + read("tls/ec.crt")), "@entity",
                        "please submit only one certificate at a time"),
                row("a consumer needs a username or a custom_id", entity(EntityType.CONSUMER, Map.of("tags",
                        List.of("a"))), "@entity", "at least one of these fields must be non-empty"),
                row("a plugin instance name with a slash is refused", entity(EntityType.PLUGIN, Map.of("name",
                        "cors", "instance_name", "a/b")), "instance_name", "invalid value 'a/b'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void kongRejects(String rule, KongTarget target, KongEntity entity, String field, String message) {
        List<Violation> found = KongValidator.validate(entity, target);
        assertThat(found).as(rule).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(message);
            assertThat(v.hint()).isNotBlank();
        });
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                row("a typical KIC route passes", route(Map.of())),
                row("tags with spaces, colons and non-ASCII letters pass",
                        route(Map.of("tags", List.of("k8s-name:web", "team app", "équipe")))),
                row("named groups with underscores pass in both engines",
                        route(Map.of("paths", List.of("~/api/v[0-9]+/(?<item_id>[a-z_]+)$",
                                "~/users/(?P<user_id>\\d+)$", "~/files/.+\\.(png|jpe?g)$")))),
                row("a look-ahead is valid PCRE under traditional", TRADITIONAL,
                        route(Map.of("paths", List.of("~/orders/(?!internal)")))),
                row("a literal brace is valid PCRE under traditional", TRADITIONAL,
                        route(Map.of("paths", List.of("~/users/{id}")))),
                row("an escaped slash passes the ATC check from Kong 3.4", route(Map.of("paths", List.of("~/a\\/b")))),
                row("counted repetitions and classes pass", route(Map.of("paths",
                        List.of("~/v[12]/[^/]{2,8}/x{3}$", "~/(?i)case")))),
                row("wildcard hosts and a host with a port pass",
                        route(Map.of("hosts", List.of("*.example.com", "api.*", "api.example.com:8443")))),
                row("a wildcard SNI on an https route passes", route(Map.of("snis", List.of("*.example.com")))),
                row("snis alone are a matcher for https", route(Map.of("paths", List.of(), "snis",
                        List.of("a.example.com")))),
                row("KIC's Ingress expression route passes under expressions", EXPRESSIONS, expressionRoute(
                        "((http.host == \"a.test\") || (http.host =^ \".b.test\")) && ((http.path == \"/healthz\") "
                                + "|| (http.path ~ \"^/orders/\\\\d+$\") || (http.path ~ \"^/(?<id>[a-z]+)\")) && "
                                + "(http.headers.x_zone ~ \"us-.*\") && (tls.sni == \"a.test\")")),
                row("a tilde inside a string literal is not a regex operator", EXPRESSIONS,
                        expressionRoute("http.path == \"/~(?!x)\"")),
                row("a header regex passes the ATC check", route(Map.of("headers",
                        Map.of("x-version", List.of("~*^v[0-9]+$", "v1"))))),
                row("a gRPC route without strip_path passes", route(Map.of("protocols", List.of("grpc", "grpcs"),
                        "strip_path", false))),
                row("an ordinary service passes", service(Map.of("path", "/api/v1", "tls_verify_depth", 1,
                        "protocol", "https", "tls_verify", true))),
                row("a service with an IP host passes", service(Map.of("host", "10.0.0.5"))),
                row("an upstream named like a Kubernetes service host passes", upstream("web.shop.80.svc")),
                row("IPv4, IPv6 and name targets pass", target("10.0.0.1:8080", 0)),
                row("an IPv6 target passes", target("[fd00::1]:80", 100)),
                row("a name target passes", target("web.shop.svc:80", 100)),
                row("a wildcard SNI passes", sni("*.example.com")),
                row("a matching certificate and key pass", certificate(read("tls/rsa1.crt"), read("tls/rsa1.key"))),
                row("an EC certificate and key pass", certificate(read("tls/ec.crt"), read("tls/ec.key"))),
                row("a CA certificate passes", caCertificate(read("tls/rsa1.crt"))),
                arguments("a non-normalized prefix path passes on Kong 3.0, before the rule existed",
                        new KongTarget("3.0.1", TRADITIONAL_COMPATIBLE, false),
                        route(Map.of("paths", List.of("/a/../b")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void kongAccepts(String rule, KongTarget target, KongEntity entity) {
        assertThat(KongValidator.validate(entity, target)).as(rule).isEmpty();
    }

    @Test
    void anExpiredCaCertificateIsRefusedByTheClockThatIsGiven() {
        KongState state = new KongState(List.of(caCertificate(read("tls/rsa1.crt"))));
        Clock later = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(KongValidator.validate(state, COMPATIBLE, later)).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("certificate expired, \"Not After\" time is in the past"));
        assertThat(KongValidator.validate(state, COMPATIBLE)).isEmpty();
    }

    @Test
    void aViolationNeverPrintsTheKey() {
        KongEntity cert = certificate(read("tls/rsa1.crt"), read("tls/rsa8.key"));
        Violation v = KongValidator.validate(cert, COMPATIBLE).get(0);
        assertThat(v.toString() + v.message() + v.hint()).doesNotContain("PRIVATE KEY").doesNotContain("MII");
    }

    @Test
    void underTraditionalTheRustEngineIsNotConsulted() {
        KongEntity r = route(Map.of("paths", List.of("~/orders/(?!internal)"), "headers",
                Map.of("x-a", List.of("~*(?=a)"))));
        assertThat(KongValidator.validate(r, new KongTarget("3.9.1", TRADITIONAL, false))).isEmpty();
        assertThat(KongValidator.validate(r, COMPATIBLE)).isNotEmpty();
    }

    // ---- fixtures ----

    private static Arguments row(String rule, KongEntity e, String field, String message) {
        return arguments(rule, COMPATIBLE, e, field, message);
    }

    private static Arguments row(String rule, RouterFlavor flavor, KongEntity e, String field, String message) {
        return arguments(rule, new KongTarget("3.9.1", flavor, false), e, field, message);
    }

    private static Arguments row(String rule, KongTarget target, KongEntity e, String field, String message) {
        return arguments(rule, target, e, field, message);
    }

    private static Arguments row(String rule, KongEntity e) {
        return arguments(rule, COMPATIBLE, e);
    }

    private static Arguments row(String rule, RouterFlavor flavor, KongEntity e) {
        return arguments(rule, new KongTarget("3.9.1", flavor, false), e);
    }

    /** A route as the translator emits it, with {@code overrides}. */
    static KongEntity route(Map<String, Object> overrides) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "shop.web.web.example.com.80");
        f.put("service", Map.of("id", "24b7278c-bf6b-539d-bd6b-7c83220ed5b6"));
        f.put("paths", List.of("/"));
        f.put("hosts", List.of("web.example.com"));
        f.put("protocols", List.of("http", "https"));
        f.put("strip_path", false);
        f.put("https_redirect_status_code", 426);
        f.put("path_handling", "v0");
        f.put("regex_priority", 0);
        f.put("tags", List.of("k8s-name:web", "managed-by:kong-gitops"));
        f.putAll(overrides);
        return KongEntity.of(EntityType.ROUTE, f);
    }

    /** A route of Kong's expressions router as KIC emits it: expression and priority, no traditional matchers. */
    static KongEntity expressionRoute(String expression) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "shop.web.web.example.com.80");
        f.put("service", Map.of("id", "24b7278c-bf6b-539d-bd6b-7c83220ed5b6"));
        f.put("expression", expression);
        f.put("priority", 57178899677185L);
        f.put("strip_path", false);
        f.put("https_redirect_status_code", 426);
        f.put("tags", List.of("k8s-name:web", "managed-by:kong-gitops"));
        return KongEntity.of(EntityType.ROUTE, f);
    }

    static KongEntity service(Map<String, Object> overrides) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "shop.web.80");
        f.put("host", "web.shop.80.svc");
        f.put("port", 80);
        f.put("protocol", "http");
        f.put("path", "/");
        f.put("connect_timeout", 60000);
        f.put("retries", 5);
        f.put("tags", List.of("k8s-name:web"));
        f.putAll(overrides);
        return KongEntity.of(EntityType.SERVICE, f);
    }

    private static KongEntity upstream(String name) {
        return KongEntity.of(EntityType.UPSTREAM, Map.of("name", name, "algorithm", "round-robin"));
    }

    private static KongEntity target(String target, int weight) {
        return KongEntity.of(EntityType.TARGET, Map.of("target", target, "weight", weight, "upstream",
                Map.of("name", "web.shop.80.svc")));
    }

    private static KongEntity sni(String name) {
        return KongEntity.of(EntityType.SNI, Map.of("name", name, "certificate", Map.of("id", "x")));
    }

    private static KongEntity certificate(String cert, String key) {
        return KongEntity.of(EntityType.CERTIFICATE, Map.of("cert", cert, "key", key));
    }

    private static KongEntity caCertificate(String cert) {
        return KongEntity.of(EntityType.CA_CERTIFICATE, Map.of("cert", cert));
    }

    private static KongEntity entity(EntityType type, Map<String, Object> fields) {
        return KongEntity.of(type, fields);
    }

    static String read(String resource) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
