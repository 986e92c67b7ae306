package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectionTest {

    @TempDir
    Path dir;

    private List<String> select(Policy policy, List<String> includes, List<String> excludes) throws IOException {
        return new FileSelection(FormatRegistry.standard(), policy, includes, excludes).expand(List.of(dir)).stream()
                .map(ScanTarget::relative).toList();
    }

    @Test
    void callerGlobsNarrowWhatThePolicySelects() throws Exception {
        for (String f : List.of("a.md", "docs/b.md", "docs/c.txt", "docs/old/d.md", "build/e.md", "notes.xyz")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "公开\n");
        }
        assertEquals(List.of("a.md", "build/e.md", "docs/b.md", "docs/c.txt", "docs/old/d.md"),
                select(Policy.defaults(), List.of(), List.of()));
        assertEquals(List.of("a.md", "docs/b.md", "docs/old/d.md"),
                select(Policy.defaults(), List.of("**/*.md"), List.of("build/**")));
        Policy policy = PolicyLoader.parse("marking.yml", "version: 1\nexclude: [\"docs/old/\"]\n", "fp");
        assertEquals(List.of("a.md", "docs/b.md"), select(policy, List.of("**/*.md", " "), List.of("build/**")));
        assertEquals(List.of("docs/b.md", "docs/c.txt"), select(policy, List.of("docs/**"), null));
    }

    @Test
    void pathsAreRelativeToTheBaseSoAPolicyNextToThePomMeansTheSameForSubFolders() throws Exception {
        for (String f : List.of("docs/a.md", "docs/old/b.md", "other/c.md")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "公开\n");
        }
        Policy policy = PolicyLoader.parse("marking.yml", "version: 1\nexclude: [\"docs/old/\"]\n", "fp");
        FileSelection selection = new FileSelection(FormatRegistry.standard(), policy, List.of("*.md", "old/**"),
                List.of("other/**"));
        assertEquals(List.of("docs/a.md"), selection.expand(List.of(dir.resolve("docs")), dir).stream()
                .map(ScanTarget::relative).toList());
        assertEquals(List.of("a.md", "old/b.md"), new FileSelection(FormatRegistry.standard(), Policy.defaults(), null, null)
                .expand(List.of(dir.resolve("docs")), Files.createTempDirectory("elsewhere")).stream()
                .map(ScanTarget::relative).toList());
        Path named = dir.resolve("other/c.md");
        assertEquals(List.of("other/c.md"), selection.expand(List.of(named), dir).stream().map(ScanTarget::relative).toList());
    }
}
