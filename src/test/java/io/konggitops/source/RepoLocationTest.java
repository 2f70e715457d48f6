package io.konggitops.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoLocationTest {
    @Test
    void urlsAreRemote() {
        for (String url : new String[] {"https://github.com/org/repo.git", "http://h/r", "ssh://git@h:2222/r.git",
                "file:///tmp/x", "git@github.com:org/repo.git", "github.com:org/repo"}) {
            assertThat(RepoLocation.parse(url).isLocal()).as(url).isFalse();
        }
    }

    @Test
    void anExistingDirectoryIsLocal(@TempDir Path dir) {
        RepoLocation location = RepoLocation.parse(dir.toString());
        assertThat(location.isLocal()).isTrue();
        assertThat(location.localDir()).isEqualTo(dir);
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        assertThatThrownBy(() -> RepoLocation.parse("/no/such/dir"))
                .isInstanceOf(SourceException.class).hasMessageContaining("/no/such/dir").hasMessageContaining("does not exist");
    }

    @Test
    void userInfoIsRemovedFromEveryUrlInAText() {
        assertThat(RepoLocation.redact("fetch https://bob:tok3n@git.example.com/r.git failed; http://tok@h/x"))
                .isEqualTo("fetch https://git.example.com/r.git failed; http://h/x");
        assertThat(RepoLocation.parse("https://user:pw@h/r.git").display()).isEqualTo("https://h/r.git");
        assertThat(RepoLocation.redact("ssh://git@h:22/r.git ssh://git:pw@h/r.git"))
                .isEqualTo("ssh://git@h:22/r.git ssh://h/r.git");
    }
}
