package io.konggitops.translate.ingress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngressPathsTest {

    @ParameterizedTest(name = "{1} \"{0}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "/            | Prefix                 | /",
            "''           | Prefix                 | /",
            "/foo         | Prefix                 | /foo/ ~/foo$",
            "/foo/        | Prefix                 | /foo/ ~/foo$",
            "/foo         | Exact                  | ~/foo$",
            "/            | Exact                  | ~/$",
            "/a.b         | Exact                  | ~/a.b$",
            "/foo         | ImplementationSpecific | /foo",
            "/~/foo/\\d{3} | ImplementationSpecific | ~/foo/\\d{3}",
            "/foo         | NULL                   | /foo",
            "''           | ImplementationSpecific | /",
            "NULL         | ImplementationSpecific | /",
            "//a///b//    | Prefix                 | /a/b/ ~/a/b$",
            "//x          | ImplementationSpecific | /x",
            "/~/p         | Prefix                 | ~/p/ ~/~/p$",
    })
    void pathTableOfKic(String path, String pathType, String expected) {
        List<String> want = Arrays.asList(expected.trim().split(" "));
        assertThat(IngressPaths.kongPaths(path, pathType, IngressPaths.DEFAULT_REGEX_PREFIX, false))
                .containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "prefix {1}: \"{0}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/re:/orders/[0-9]+ | /re: | ~/orders/[0-9]+",
            "/~/plain           | /re: | /~/plain",
    })
    void customRegexPrefixReplacesTheDefault(String path, String prefix, String expected) {
        assertThat(IngressPaths.kongPaths(path, "ImplementationSpecific", prefix, false)).containsExactly(expected);
    }

    @ParameterizedTest(name = "legacy detection: \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/users/\\d+ | ~/users/\\d+",
            "/plain/path | /plain/path",
            "~/already   | ~/already",
    })
    void legacyRegexDetectionPrependsTildeToRegexLookingPaths(String path, String expected) {
        assertThat(IngressPaths.kongPaths(path, "ImplementationSpecific", "/~", true)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({"Unknown"})
    void unknownPathTypeGivesNoPaths(String type) {
        assertThat(IngressPaths.kongPaths("/x", type, "/~", false)).isEmpty();
    }
}
