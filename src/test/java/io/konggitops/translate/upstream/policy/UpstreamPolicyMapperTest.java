package io.konggitops.translate.upstream.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One row per mapping of kic-translation §3.3: a KongUpstreamPolicy spec → the Kong upstream fields it sets. */
class UpstreamPolicyMapperTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> mappings() {
        return Stream.of(
                arguments("an empty spec sets nothing", "{}", "{}"),
                arguments("algorithm and slots are copied", "{algorithm: latency, slots: 64}",
                        "{'algorithm':'latency','slots':64}"),
                arguments("hashOn input becomes hash_on", "{algorithm: consistent-hashing, hashOn: {input: consumer}}",
                        "{'algorithm':'consistent-hashing','hash_on':'consumer'}"),
                arguments("hashOn header becomes hash_on header and hash_on_header",
                        "{hashOn: {header: x-user}}", "{'hash_on':'header','hash_on_header':'x-user'}"),
                arguments("hashOn cookie becomes hash_on cookie with cookie and path",
                        "{hashOn: {cookie: s, cookiePath: /a}}",
                        "{'hash_on':'cookie','hash_on_cookie':'s','hash_on_cookie_path':'/a'}"),
                arguments("hashOn queryArg becomes hash_on query_arg", "{hashOn: {queryArg: q}}",
                        "{'hash_on':'query_arg','hash_on_query_arg':'q'}"),
                arguments("hashOn uriCapture becomes hash_on uri_capture", "{hashOn: {uriCapture: id}}",
                        "{'hash_on':'uri_capture','hash_on_uri_capture':'id'}"),
                arguments("hashOnFallback input becomes hash_fallback", "{hashOnFallback: {input: ip}}",
                        "{'hash_fallback':'ip'}"),
                arguments("hashOnFallback header becomes hash_fallback_header", "{hashOnFallback: {header: x-b}}",
                        "{'hash_fallback':'header','hash_fallback_header':'x-b'}"),
                arguments("hashOnFallback queryArg becomes hash_fallback_query_arg", "{hashOnFallback: {queryArg: q}}",
                        "{'hash_fallback':'query_arg','hash_fallback_query_arg':'q'}"),
                arguments("hashOnFallback uriCapture becomes hash_fallback_uri_capture",
                        "{hashOnFallback: {uriCapture: c}}",
                        "{'hash_fallback':'uri_capture','hash_fallback_uri_capture':'c'}"),
                arguments("a fallback cookie fills hash_on_cookie as KIC does",
                        "{hashOn: {input: ip}, hashOnFallback: {cookie: s, cookiePath: /}}",
                        "{'hash_on':'ip','hash_fallback':'cookie','hash_on_cookie':'s','hash_on_cookie_path':'/'}"),
                arguments("sticky sessions give the sticky-session cookie fields",
                        "{algorithm: sticky-sessions, hashOn: {input: none}, stickySessions: {cookie: c, "
                                + "cookiePath: /p}}",
                        "{'algorithm':'sticky-sessions','hash_on':'none','sticky_sessions_cookie':'c',"
                                + "'sticky_sessions_cookie_path':'/p'}"),
                arguments("the threshold becomes a number", "{healthchecks: {threshold: 40}}",
                        "{'healthchecks':{'threshold':40.0}}"),
                arguments("active check fields are renamed to Kong's",
                        "{healthchecks: {active: {type: https, concurrency: 3, httpPath: /h, httpsSni: a.b, "
                                + "httpsVerifyCertificate: false, timeout: 4, headers: {x-a: [b, c]}}}}",
                        "{'healthchecks':{'active':{'type':'https','concurrency':3,'http_path':'/h',"
                                + "'https_sni':'a.b','https_verify_certificate':false,'timeout':4,"
                                + "'headers':{'x-a':['b','c']}}}}"),
                arguments("healthy and unhealthy counters are renamed to Kong's",
                        "{healthchecks: {active: {healthy: {httpStatuses: [200], interval: 5, successes: 2}, "
                                + "unhealthy: {httpFailures: 1, httpStatuses: [500], tcpFailures: 2, timeouts: 3, "
                                + "interval: 6}}}}",
                        "{'healthchecks':{'active':{'healthy':{'http_statuses':[200],'interval':5,'successes':2},"
                                + "'unhealthy':{'http_failures':1,'http_statuses':[500],'tcp_failures':2,"
                                + "'timeouts':3,'interval':6}}}}"),
                arguments("passive checks keep type, healthy and unhealthy",
                        "{healthchecks: {passive: {type: tcp, healthy: {successes: 1}, unhealthy: {timeouts: 2}}}}",
                        "{'healthchecks':{'passive':{'type':'tcp','healthy':{'successes':1},"
                                + "'unhealthy':{'timeouts':2}}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void mapsAsKicDoes(String mapping, String spec, String expected) throws Exception {
        var fields = UpstreamPolicyMapper.upstreamFields(YAML.readValue(spec, UpstreamPolicySpec.class));
        assertThat(JSON.readTree(JSON.writeValueAsString(new TreeMap<>(fields))))
                .as(mapping).isEqualTo(JSON.readTree(expected.replace('\'', '"')));
    }
}
