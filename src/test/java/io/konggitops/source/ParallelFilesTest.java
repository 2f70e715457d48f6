package io.konggitops.source;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelFilesTest {
    @Test
    void resultsComeBackInTheOrderOfTheFilesWhateverOrderTheyFinishIn() {
        List<Integer> files = IntStream.range(0, 200).boxed().toList();
        List<String> out = ParallelFiles.map(files, i -> {
            if (i % 7 == 0) spin((200 - i) * 20_000L);
            return "file-" + i;
        });
        assertThat(out).containsExactlyElementsOf(files.stream().map(i -> "file-" + i).toList());
    }

    @Test
    void aFailureInOneFileReachesTheCallerUnchanged() {
        assertThatThrownBy(() -> ParallelFiles.map(List.of(1, 2, 3, 4), i -> {
            if (i == 3) throw new IllegalArgumentException("file 3 is broken");
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("file 3 is broken");
    }

    @Test
    void noFilesGiveNothing() {
        assertThat(ParallelFiles.map(List.<Integer>of(), i -> i)).isEmpty();
    }

    private static void spin(long n) {
        long x = 0;
        for (long k = 0; k < n; k++) x += k ^ (x >>> 3);
        if (x == 42) System.out.print("");
    }
}
