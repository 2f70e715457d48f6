package io.konggitops.kong.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TypedefsTest {
    /** Kong's patterns as regular expressions: the loops must agree with them on every input. */
    private static final Pattern UTF8_NAME = Pattern.compile("^[A-Za-z0-9.\\-_~\\x{80}-\\x{10FFFF}]+$");
    private static final Pattern TAG = Pattern.compile("^[ \\x21-\\x2B\\x2D\\x2E\\x30-\\x7E\\x{80}-\\x{10FFFF}]+$");

    private static List<String> samples() {
        List<String> out = new ArrayList<>(List.of("", "web", "shop.web_1-a~", "managed-by-kong-gitops",
                "k8s-namespace:shop", "a,b", "a/b", "tab\there", "trailing\n", "\n", " ", "ünïcödé", "日本",
                "emoji-\uD83D\uDE00", "lone-\uD83D", "lone-\uDE00-low", "del\u007F", "nbsp\u00A0"));
        for (char c = 0; c < 0x100; c++) {
            out.add(String.valueOf(c));
            out.add("a" + c + "b");
        }
        return out;
    }

    @Test
    void theTagCheckAcceptsExactlyWhatKongsTagPatternAccepts() {
        for (String s : samples()) {
            assertThat(Typedefs.isTag(s)).as("tag %s", s.codePoints().boxed().toList())
                    .isEqualTo(TAG.matcher(s).matches());
        }
    }

    @Test
    void theNameCheckAcceptsExactlyWhatKongsUtf8NamePatternAccepts() {
        for (String s : samples()) {
            assertThat(Typedefs.isUtf8Name(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(UTF8_NAME.matcher(s).matches());
        }
    }
}
