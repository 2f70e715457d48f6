package io.konggitops.source;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.SymbolicRef;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefSelectionTest {
    private static final String MAIN = "1111111111111111111111111111111111111111";
    private static final String TAG_OBJECT = "2222222222222222222222222222222222222222";
    private static final String TAGGED = "3333333333333333333333333333333333333333";
    private static final String CAFE = "cafe000000000000000000000000000000000000";

    private static Map<String, Ref> advertised() {
        Map<String, Ref> refs = new LinkedHashMap<>();
        Ref main = new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/heads/main", ObjectId.fromString(MAIN));
        refs.put("HEAD", new SymbolicRef("HEAD", main));
        refs.put("refs/heads/main", main);
        refs.put("refs/heads/cafe", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/heads/cafe",
                ObjectId.fromString(CAFE)));
        refs.put("refs/tags/v1", new ObjectIdRef.PeeledTag(Ref.Storage.NETWORK, "refs/tags/v1",
                ObjectId.fromString(TAG_OBJECT), ObjectId.fromString(TAGGED)));
        return refs;
    }

    private static RefSelection resolve(String ref) {
        return RefSelection.resolve(ref, advertised(), "https://h/r.git");
    }

    @Test
    void noRefMeansTheRemoteHead() {
        assertThat(resolve(null)).isEqualTo(RefSelection.ofRef("HEAD"));
        assertThat(resolve("  ")).isEqualTo(RefSelection.ofRef("HEAD"));
    }

    @Test
    void branchTagAndFullRefName() {
        assertThat(resolve("main")).isEqualTo(RefSelection.ofRef("refs/heads/main"));
        assertThat(resolve("v1")).isEqualTo(RefSelection.ofRef("refs/tags/v1"));
        assertThat(resolve("refs/tags/v1")).isEqualTo(RefSelection.ofRef("refs/tags/v1"));
    }

    @Test
    void aBranchNamedLikeAShaWinsOverTheSha() {
        assertThat(resolve("cafe")).isEqualTo(RefSelection.ofRef("refs/heads/cafe"));
    }

    @Test
    void shortShaOfAnAdvertisedCommitBecomesTheFullSha() {
        assertThat(resolve("333333")).isEqualTo(new RefSelection(null, TAGGED, null));
        assertThat(resolve(MAIN.toUpperCase())).isEqualTo(new RefSelection(null, MAIN, null));
    }

    @Test
    void shortShaNobodyAdvertisesNeedsTheHistory() {
        assertThat(resolve("abcdef12")).isEqualTo(new RefSelection(null, null, "abcdef12"));
    }

    @Test
    void unknownNameIsAClearError() {
        assertThatThrownBy(() -> resolve("release/9"))
                .isInstanceOf(SourceException.class)
                .hasMessage("--ref release/9 not found in https://h/r.git: it is not a branch, tag or commit SHA there");
    }

    @Test
    void emptyRemoteHasNoDefaultBranch() {
        assertThatThrownBy(() -> RefSelection.resolve(null, Map.of(), "https://h/r.git"))
                .isInstanceOf(SourceException.class).hasMessageContaining("has no default branch");
    }
}
