package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.AdminHttp.j;
import static io.konggitops.testing.kong.KongDoubleTestJson.CA;
import static io.konggitops.testing.kong.KongDoubleTestJson.CERT;
import static io.konggitops.testing.kong.KongDoubleTestJson.CERT2;
import static io.konggitops.testing.kong.KongDoubleTestJson.KEY;
import static io.konggitops.testing.kong.KongDoubleTestJson.KEY2;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kong 3.x validation rules, one per test, each answered with Kong's 400 schema-violation body. */
class KongDoubleValidationTest extends DefaultDoubleTest {

    /** Posts {@code json} to {@code path} and checks Kong's code-2 body with exactly this message. */
    private AdminHttp.Reply rejected(String path, String json, String message) {
        AdminHttp.Reply r = http.post(path, j(json));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(2);
        assertThat(r.at("/name").asText()).isEqualTo("schema violation");
        assertThat(r.at("/message").asText()).isEqualTo(message);
        assertThat(kong.store().size()).isZero();
        return r;
    }

    @Test
    void aTagWithACommaOrSlashIsRejected() {
        AdminHttp.Reply r = rejected("/services", "{'host':'h','tags':['ok','a,b']}",
                "schema violation (tags.2: invalid tag 'a,b': expected printable ascii (except `,` and `/`) or valid utf-8 sequences)");
        assertThat(r.at("/fields/tags/0").isNull()).isTrue();
        rejected("/services", "{'host':'h','tags':['a/b']}",
                "schema violation (tags.1: invalid tag 'a/b': expected printable ascii (except `,` and `/`) or valid utf-8 sequences)");
    }

    @Test
    void aServiceOrRouteNameOutsideTheUtf8NameAlphabetIsRejected() {
        rejected("/services", "{'name':'my svc','host':'h'}", "schema violation (name: invalid value 'my svc': the only"
                + " accepted ascii characters are alphanumerics or ., -, _, and ~)");
        assertThat(http.post("/services", j("{'name':'shop.web_80~é','host':'h'}")).status()).isEqualTo(201);
    }

    @Test
    void aServiceHostWithAPortOrInvalidCharactersIsRejected() {
        rejected("/services", "{'host':'example.com:8080'}", "schema violation (host: must not have a port)");
        rejected("/services", "{'host':'exa mple.com'}", "schema violation (host: invalid value: exa mple.com)");
    }

    @Test
    void aServicePathWithAnEmptySegmentOrWithoutLeadingSlashIsRejected() {
        rejected("/services", "{'host':'h','path':'/a//b'}", "schema violation (path: must not have empty segments)");
        rejected("/services", "{'host':'h','path':'a'}", "schema violation (path: should start with: /)");
        rejected("/services", "{'host':'h','path':'/a b'}",
                "schema violation (path: invalid path: '/a b' (characters outside of the reserved list of RFC 3986 found))");
    }

    @Test
    void aServicePortOutsideZeroTo65535IsRejected() {
        rejected("/services", "{'host':'h','port':65536}", "schema violation (port: value should be between 0 and 65535)");
    }

    @Test
    void aRoutePathWithAnEmptySegmentIsRejectedAsPathsN() {
        AdminHttp.Reply r = rejected("/routes", "{'paths':['/ok','/a//b']}",
                "schema violation (paths.2: must not have empty segments)");
        assertThat(r.at("/fields/paths/1").asText()).isEqualTo("must not have empty segments");
    }

    @Test
    void aRoutePathThatIsNotNormalisedIsRejected() {
        rejected("/routes", "{'paths':['/a/../b']}", "schema violation (paths.1: non-normalized path, consider use '/b' instead)");
    }

    @Test
    void aRegexPathThatDoesNotCompileIsRejected() {
        rejected("/routes", "{'paths':['~/a(b']}", "schema violation (paths.1: invalid regex: '/a(b' (PCRE returned: "
                + "Unclosed group))");
    }

    @Test
    void aRegexWithLookAroundFailsTheAtcCheckUnderTraditionalCompatible() {
        AdminHttp.Reply r = rejected("/routes", "{'paths':['~/api/(?!internal)']}",
                "schema violation (Router Expression failed validation: regex parse error: /api/(?!internal): error: "
                        + "look-around, including look-ahead and look-behind, is not supported)");
        assertThat(r.at("/fields/@entity/0").asText()).startsWith("Router Expression failed validation");
    }

    @Test
    void backreferencesAtomicGroupsAndPossessiveQuantifiersFailTheAtcCheck() {
        rejected("/routes", "{'paths':['~/(a)\\\\1']}", "schema violation (Router Expression failed validation: regex parse"
                + " error: /(a)\\1: error: backreferences are not supported)");
        rejected("/routes", "{'paths':['~/(?>a)']}", "schema violation (Router Expression failed validation: regex parse"
                + " error: /(?>a): error: atomic groups are not supported)");
        rejected("/routes", "{'paths':['~/a++']}", "schema violation (Router Expression failed validation: regex parse"
                + " error: /a++: error: possessive quantifiers are not supported)");
    }

    @Test
    void theTraditionalRouterAcceptsPcreOnlyRegexes() throws Exception {
        try (KongDouble traditional = KongDouble.builder().routerFlavor("traditional").build().start()) {
            assertThat(new AdminHttp(traditional).post("/routes", j("{'paths':['~/api/(?!internal)']}")).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void routeHostsAllowOneWildcardAtTheLeftmostOrRightmostLabel() {
        rejected("/routes", "{'hosts':['*.*.example.com']}", "schema violation (hosts.1: invalid wildcard: must have at most one wildcard)");
        rejected("/routes", "{'hosts':['a.*.com']}",
                "schema violation (hosts.1: invalid wildcard: must be placed at leftmost or rightmost label)");
        rejected("/routes", "{'hosts':['bad_host!']}", "schema violation (hosts.1: invalid hostname: bad_host!)");
        assertThat(http.post("/routes", j("{'hosts':['*.example.com','example.*','a.example.com:8443']}")).status())
                .isEqualTo(201);
    }

    @Test
    void routeMethodsMustBeUppercase() {
        rejected("/routes", "{'methods':['get']}", "schema violation (methods.1: invalid value: get)");
    }

    @Test
    void aRouteHeaderNamedHostIsRejected() {
        rejected("/routes", "{'headers':{'Host':['a']}}",
                "schema violation (headers: cannot contain 'host' header, which must be specified in the 'hosts' attribute)");
    }

    @Test
    void routeProtocolsFromDifferentFamiliesAreMutuallyExclusive() {
        rejected("/routes", "{'protocols':['http','tcp'],'paths':['/']}",
                "schema violation (protocols: these sets are mutually exclusive: ('http', 'https'), ('tcp', 'tls', 'udp'))");
    }

    @Test
    void snisAreOnlyAllowedWithTlsProtocols() {
        AdminHttp.Reply r = rejected("/routes", "{'protocols':['http'],'paths':['/'],'snis':['a.example.com']}",
                "2 schema violations ('snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls' or "
                        + "'tls_passthrough'; snis: length must be 0)");
        assertThat(r.at("/fields/snis").asText()).isEqualTo("length must be 0");
        assertThat(http.post("/routes", j("{'protocols':['https'],'snis':['a.example.com']}")).status()).isEqualTo(201);
    }

    @Test
    void aRouteNeedsAMatchingFieldForItsProtocols() {
        rejected("/routes", "{'protocols':['http']}",
                "schema violation (must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http')");
        rejected("/routes", "{'protocols':['grpc']}",
                "schema violation (must set one of 'hosts', 'headers', 'paths' when 'protocols' is 'grpc')");
        rejected("/routes", "{'protocols':['tls_passthrough']}",
                "schema violation (must set snis when 'protocols' is 'tls_passthrough')");
    }

    @Test
    void streamRoutesCannotSetHttpFieldsAndHttpRoutesCannotSetSources() {
        rejected("/routes", "{'protocols':['tcp'],'paths':['/'],'destinations':[{'port':80}]}",
                "schema violation (paths: cannot set 'paths' when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp')");
        rejected("/routes", "{'protocols':['http'],'paths':['/'],'sources':[{'ip':'10.0.0.1'}]}",
                "schema violation (sources: cannot set 'sources' when 'protocols' is 'http' or 'https')");
        rejected("/routes", "{'protocols':['grpc'],'paths':['/'],'methods':['GET']}",
                "schema violation (methods: cannot set 'methods' when 'protocols' is 'grpc' or 'grpcs')");
    }

    @Test
    void anUpstreamNameMustBeAHostnameNotAnIpAndWithoutPort() {
        rejected("/upstreams", "{'name':'10.0.0.1'}", "schema violation (name: Invalid name ('10.0.0.1'); no ip addresses allowed)");
        rejected("/upstreams", "{'name':'up:80'}", "schema violation (name: Invalid name ('up:80'); no port allowed)");
        rejected("/upstreams", "{'name':'up stream'}", "schema violation (name: Invalid name ('up stream'); must be a valid hostname)");
    }

    @Test
    void hashingOnAHeaderNeedsTheHeaderName() {
        AdminHttp.Reply r = rejected("/upstreams", "{'name':'u','hash_on':'header'}",
                "2 schema violations (failed conditional validation given value of field 'hash_on'; hash_on_header: required field missing)");
        assertThat(r.at("/fields/hash_on_header").asText()).isEqualTo("required field missing");
        rejected("/upstreams", "{'name':'u','hash_on':'ip','hash_fallback':'ip'}",
                "2 schema violations (failed conditional validation given value of field 'hash_on'; hash_fallback: "
                        + "expected one of: none, consumer, header, cookie, path, query_arg, uri_capture)");
    }

    @Test
    void aTargetMustBeAHostnameOrIp() {
        String u = http.post("/upstreams", j("{'name':'u'}")).at("/id").asText();
        AdminHttp.Reply r = http.post("/upstreams/" + u + "/targets", j("{'target':'not a host'}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/message").asText()).isEqualTo(
                "schema violation (target: Invalid target; not a valid hostname or ip address)");
    }

    @Test
    void aCertificateMustParseAndMatchItsKey() {
        AdminHttp.Reply bad = http.post("/certificates", j("{'cert':'not a pem','key':'" + KEY + "'}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/fields/cert").asText()).startsWith("invalid certificate: ");
        AdminHttp.Reply badKey = http.post("/certificates", j("{'cert':'" + CERT + "','key':'nope'}"));
        assertThat(badKey.at("/fields/key").asText()).startsWith("invalid key: ");
        rejected("/certificates", "{'cert':'" + CERT + "','key':'" + KEY2 + "'}",
                "schema violation (certificate does not match key)");
        assertThat(http.post("/certificates", j("{'cert':'" + CERT2 + "','key':'" + KEY2 + "'}")).status()).isEqualTo(201);
    }

    @Test
    void aCaCertificateMustBeOneCaCertificate() {
        rejected("/ca_certificates", "{'cert':'" + CERT + "'}", "schema violation (certificate does not appear to be a CA"
                + " because it is missing the \"CA\" basic constraint)");
        rejected("/ca_certificates", "{'cert':'" + CA + CA + "'}", "schema violation (please submit only one certificate at a time)");
        assertThat(http.post("/ca_certificates", j("{'cert':'" + CA + "'}")).status()).isEqualTo(201);
    }

    @Test
    void anSniNameMustBeAHostnameNotAnIp() {
        String cert = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "'}")).at("/id").asText();
        AdminHttp.Reply r = http.post("/snis", j("{'name':'10.0.0.1','certificate':{'id':'" + cert + "'}}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/message").asText()).isEqualTo("schema violation (name: must not be an IP)");
    }

    @Test
    void aRateLimitingPluginNeedsAtLeastOneLimit() {
        rejected("/plugins", "{'name':'rate-limiting','config':{'policy':'local'}}",
                "schema violation (at least one of these fields must be non-empty: 'config.second', 'config.minute', "
                        + "'config.hour', 'config.day', 'config.month', 'config.year')");
        rejected("/plugins", "{'name':'rate-limiting','config':{'minute':5,'limit_by':'header'}}",
                "2 schema violations (failed conditional validation given value of field 'config.limit_by'; "
                        + "config.header_name: required field missing)");
        assertThat(http.post("/plugins", j("{'name':'rate-limiting','config':{'minute':5}}")).status()).isEqualTo(201);
    }
}
