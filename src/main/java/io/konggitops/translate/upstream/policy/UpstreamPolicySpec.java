package io.konggitops.translate.upstream.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of a KongUpstreamPolicy ({@code configuration.konghq.com/v1beta1}), as the CRD declares it
 * (kubernetes-configuration {@code kongupstreampolicy_types.go}). Every field is optional: null means "not set".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpstreamPolicySpec(String algorithm, Integer slots, Hash hashOn, Hash hashOnFallback,
                                 Healthchecks healthchecks, StickySessions stickySessions) {

    /** {@code hashOn} / {@code hashOnFallback}: exactly one way of hashing (the CRD allows one field). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hash(String input, String header, String cookie, String cookiePath, String queryArg,
                       @JsonProperty("uriCapture") String uriCapture) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StickySessions(String cookie, String cookiePath) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Healthchecks(Active active, Passive passive, Integer threshold) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Active(String type, Integer concurrency, Healthy healthy, Unhealthy unhealthy, String httpPath,
                         @JsonProperty("httpsSni") String httpsSni, Boolean httpsVerifyCertificate, Integer timeout,
                         Map<String, List<String>> headers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Passive(String type, Healthy healthy, Unhealthy unhealthy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Healthy(List<Integer> httpStatuses, Integer interval, Integer successes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unhealthy(Integer httpFailures, List<Integer> httpStatuses, Integer tcpFailures, Integer timeouts,
                            Integer interval) {
    }
}
