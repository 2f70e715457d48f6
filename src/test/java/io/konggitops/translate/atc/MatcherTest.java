package io.konggitops.translate.atc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expressions render as KIC's {@code translator/atc} renders them: the exact text Kong receives. */
class MatcherTest {
    private static Matcher path(Op op, String v) {
        return Matcher.predicate(Field.HTTP_PATH, op, v);
    }

    @Test
    void aPredicateIsFieldOperatorAndQuotedValue() {
        assertThat(path(Op.PREFIX, "/api/").expression()).isEqualTo("http.path ^= \"/api/\"");
        assertThat(Matcher.predicate(Field.HTTP_HOST, Op.SUFFIX, ".example.com").expression())
                .isEqualTo("http.host =^ \".example.com\"");
        assertThat(Matcher.predicate(Field.NET_DST_PORT, Op.EQUALS, 8443).expression())
                .isEqualTo("net.dst.port == 8443");
        assertThat(Matcher.predicate(Field.HTTP_METHOD, Op.NOT_IN, "GET").expression())
                .isEqualTo("http.method not in \"GET\"");
    }

    @Test
    void backslashQuoteNewlineCarriageReturnAndTabAreEscapedInStringValues() {
        assertThat(path(Op.REGEX, "^/a\\d+\"b\"\n\r\t$").expression())
                .isEqualTo("http.path ~ \"^/a\\\\d+\\\"b\\\"\\n\\r\\t$\"");
        assertThat(Literals.quote("plain/ünïcode")).isEqualTo("\"plain/ünïcode\"");
    }

    @Test
    void headerFieldsAreLowerCasedWithUnderscoresAndQueryFieldsKeepTheirName() {
        assertThat(Field.header("X-Team-ID").name()).isEqualTo("http.headers.x_team_id");
        assertThat(Field.query("Page-Size").name()).isEqualTo("http.queries.Page-Size");
    }

    @Test
    void aCombinationOfOnePartIsThatPartWithoutParentheses() {
        assertThat(Matcher.and(path(Op.EQUALS, "/a")).expression()).isEqualTo("http.path == \"/a\"");
        assertThat(Matcher.or(path(Op.EQUALS, "/a")).expression()).isEqualTo("http.path == \"/a\"");
    }

    @Test
    void partsOfACombinationAreEachParenthesisedAndJoined() {
        assertThat(Matcher.or(path(Op.EQUALS, "/a"), path(Op.PREFIX, "/a/")).expression())
                .isEqualTo("(http.path == \"/a\") || (http.path ^= \"/a/\")");
        assertThat(Matcher.and(path(Op.EQUALS, "/a"), Matcher.predicate(Field.TLS_SNI, Op.EQUALS, "a.test"))
                .expression()).isEqualTo("(http.path == \"/a\") && (tls.sni == \"a.test\")");
    }

    @Test
    void nestedCombinationsKeepTheirInnerParentheses() {
        Matcher hosts = Matcher.or(Matcher.predicate(Field.HTTP_HOST, Op.EQUALS, "a.test"),
                Matcher.predicate(Field.HTTP_HOST, Op.SUFFIX, ".b.test"));
        Matcher paths = Matcher.or(path(Op.EQUALS, "/x"), path(Op.PREFIX, "/x/"));
        assertThat(Matcher.and(hosts, paths).expression()).isEqualTo(
                "((http.host == \"a.test\") || (http.host =^ \".b.test\")) && ((http.path == \"/x\") || "
                        + "(http.path ^= \"/x/\"))");
    }

    @Test
    void emptyAndNullPartsAreDroppedAndAnEmptyCombinationRendersNothing() {
        Matcher empty = new Matcher.Or(List.of());
        assertThat(empty.expression()).isEmpty();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(Matcher.and(empty, path(Op.EQUALS, "/a"), null).expression()).isEqualTo("http.path == \"/a\"");
        assertThat(Matcher.and(Matcher.or(empty), new Matcher.And(List.of())).isEmpty()).isTrue();
    }

    @Test
    void onlyStringsAndIntegersAreValues() {
        assertThatThrownBy(() -> Matcher.predicate(Field.NET_DST_PORT, Op.EQUALS, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostsMatchExactlyOrByWildcardSuffixAndInvalidHostsAreLeftOut() {
        assertThat(HostMatchers.anyOf(List.of("a.example.com", "*.example.com", "bad host", "")).expression())
                .isEqualTo("(http.host == \"a.example.com\") || (http.host =^ \".example.com\")");
        assertThat(HostMatchers.anyOf(List.of()).isEmpty()).isTrue();
    }
}
