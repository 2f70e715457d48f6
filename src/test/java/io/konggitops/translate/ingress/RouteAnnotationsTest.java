package io.konggitops.translate.ingress;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One Ingress annotation at a time → the Kong route field it sets (or leaves at KIC's default with a warning). */
class RouteAnnotationsTest {
    @TempDir
    Path dir;

    private Translation translate(String annotation) {
        Manifests m = TestManifests.load(dir, TestManifests.ingress("web", annotation, "w.example.test", "web",
                "name: http") + "---\n" + TestManifests.service("web", ""));
        return Translator.translate(m, ManifestClusterView.serviceDns(m), TranslateOptions.defaults());
    }

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "konghq.com/strip-path: 'True'                    | strip_path                 | true",
            "konghq.com/strip-path: 'false'                   | strip_path                 | false",
            "konghq.com/preserve-host: 'FALSE'                | preserve_host              | false",
            "konghq.com/protocols: https                      | protocols                  | [https]",
            "konghq.com/protocols: 'https,http'               | protocols                  | [https, http]",
            "konghq.com/protocols: 'grpcs'                    | strip_path                 | null",
            "konghq.com/protocols: 'grpc,https'               | protocols                  | [http, https]",
            "konghq.com/https-redirect-status-code: '301'     | https_redirect_status_code | 301",
            "ingress.kubernetes.io/force-ssl-redirect: 'true' | https_redirect_status_code | 302",
            "ingress.kubernetes.io/force-ssl-redirect: 'true' | protocols                  | [https]",
            "konghq.com/request-buffering: 'f'                | request_buffering          | false",
            "konghq.com/response-buffering: '0'               | response_buffering         | false",
            "konghq.com/regex-priority: '-5'                  | regex_priority             | -5",
            "konghq.com/methods: 'GET,PUT'                    | methods                    | [GET, PUT]",
            "konghq.com/snis: 'a.example.test'                | snis                       | [a.example.test]",
            "konghq.com/host-aliases: 'b.example.test,w.example.test' | hosts              | [w.example.test, b.example.test]",
            "konghq.com/headers.X-Team: 'a, b'                | headers                    | {X-Team=[a, b]}",
            "konghq.com/path-handling: v1                     | path_handling              | v1",
            "konghq.com/tags: 'x,y'                           | tags                       | [k8s-name:web, k8s-namespace:shop, k8s-kind:Ingress, k8s-group:networking.k8s.io, k8s-version:v1, x, y, managed-by:kong-gitops]",
    })
    void validValueSetsTheRouteField(String annotation, String field, String expected) {
        Translation t = translate(annotation);
        KongEntity route = t.desired().of(EntityType.ROUTE).findFirst().orElseThrow();
        assertThat(String.valueOf(route.get(field))).isEqualTo(expected);
        assertThat(t.problems()).noneMatch(p -> p.severity() != Severity.INFO);
    }

    @ParameterizedTest(name = "{0} is ignored: {1} stays {2}")
    @CsvSource(delimiter = '|', value = {
            "konghq.com/strip-path: 'on'                      | strip_path                 | false",
            "konghq.com/preserve-host: 'no way'               | preserve_host              | true",
            "konghq.com/https-redirect-status-code: '418'     | https_redirect_status_code | 426",
            "konghq.com/request-buffering: 'perhaps'          | request_buffering          | true",
            "konghq.com/regex-priority: 'high'                | regex_priority             | 0",
            "konghq.com/methods: 'GET,post'                   | methods                    | null",
            "konghq.com/snis: 'ok.example.test,not_ok'        | snis                       | null",
            "konghq.com/host-aliases: 'ok.example.test,bad host' | hosts                   | [w.example.test]",
            "konghq.com/path-handling: vx                     | path_handling              | v0",
    })
    void invalidValueIsIgnoredWithAWarningNamingTheAnnotation(String annotation, String field, String expected) {
        Translation t = translate(annotation);
        KongEntity route = t.desired().of(EntityType.ROUTE).findFirst().orElseThrow();
        assertThat(String.valueOf(route.get(field))).isEqualTo(expected);
        String key = annotation.substring(0, annotation.indexOf(':'));
        assertThat(t.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains(key);
        });
    }
}
