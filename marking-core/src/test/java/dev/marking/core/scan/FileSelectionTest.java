package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marking.core.io.FileKind;
import dev.marking.core.policy.Policy;
import dev.marking.core.policy.PolicyLoader;
import dev.marking.core.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectionTest {

    @TempDir
    Path dir;

    private FileSelection.Selection select(Policy policy, List<String> includes, List<String> excludes)
            throws IOException {
        return new FileSelection(policy, includes, excludes).select(List.of(dir));
    }

    private static List<String> targets(FileSelection.Selection s) {
        return s.targets().stream().map(ScanTarget::relative).toList();
    }

    private static List<String> skipped(FileSelection.Selection s, SkippedFile.Reason reason) {
        return s.skipped().stream().filter(f -> f.reason() == reason).map(f -> {
            boolean folder = f.path().endsWith("/");
            Path p = Path.of(folder ? f.path().substring(0, f.path().length() - 1) : f.path());
            return p.getFileName() + (folder ? "/" : "");
        }).sorted().toList();
    }

    private void write(String... files) throws IOException {
        for (String f : files) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "公开\n");
        }
    }

    @Test
    void everyRegularFileIsATargetAndWhatTheGlobsLeaveOutIsListed() throws Exception {
        write("a.md", "docs/b.md", "docs/c.txt", "docs/old/d.md", "build/e.md", "notes.xyz");
        assertEquals(List.of("a.md", "build/e.md", "docs/b.md", "docs/c.txt", "docs/old/d.md", "notes.xyz"),
                targets(select(Policy.defaults(), List.of(), List.of())), "classified later, by content");
        FileSelection.Selection narrowed = select(Policy.defaults(), List.of("**/*.md"), List.of("build/**"));
        assertEquals(List.of("a.md", "docs/b.md", "docs/old/d.md"), targets(narrowed));
        assertEquals(List.of("c.txt", "e.md", "notes.xyz"), skipped(narrowed, SkippedFile.Reason.EXCLUDED));
        assertTrue(narrowed.skipped().stream().allMatch(f -> f.detail().key().equals("skip.excluded-caller")));
        Policy policy = PolicyLoader.parse("marking.yml", "version: 1\nexclude: [\"docs/old/\"]\n", "fp");
        FileSelection.Selection both = select(policy, List.of("**/*.md", " "), List.of("build/**"));
        assertEquals(List.of("a.md", "docs/b.md"), targets(both));
        assertEquals(List.of("skip.excluded-policy"), both.skipped().stream().filter(f -> f.path().endsWith("d.md"))
                .map(f -> f.detail().key()).toList());
        assertEquals(List.of("docs/b.md", "docs/c.txt"), targets(select(policy, List.of("docs/**"), null)));
    }

    @Test
    void pathsAreRelativeToTheBaseSoAPolicyNextToThePomMeansTheSameForSubFolders() throws Exception {
        write("docs/a.md", "docs/old/b.md", "other/c.md");
        Policy policy = PolicyLoader.parse("marking.yml", "version: 1\nexclude: [\"docs/old/\"]\n", "fp");
        FileSelection selection = new FileSelection(policy, List.of("*.md", "old/**"), List.of("other/**"));
        assertEquals(List.of("docs/a.md"), targets(selection.select(List.of(dir.resolve("docs")), dir)));
        assertEquals(List.of("a.md", "old/b.md"), targets(new FileSelection(Policy.defaults(), null, null)
                .select(List.of(dir.resolve("docs")), Files.createTempDirectory("elsewhere"))));
        Path named = dir.resolve("other/c.md");
        FileSelection.Selection one = selection.select(List.of(named), dir);
        assertEquals(List.of("other/c.md"), targets(one));
        assertEquals(false, one.targets().get(0).walked(), "named directly: always reported");
    }

    @Test
    void versionControlAndBuildFoldersAreListedNotWalked() throws Exception {
        write("a.md", ".git/HEAD.md", "target/out.md", "node_modules/x/readme.md");
        FileSelection.Selection s = select(Policy.defaults(), List.of(), List.of());
        assertEquals(List.of("a.md"), targets(s));
        assertEquals(List.of(".git/", "node_modules/", "target/"), skipped(s, SkippedFile.Reason.FOLDER));
    }

    @Test
    void aNamedPipeOrDeviceInATreeIsAProblemAndNeverOpened() throws Exception {
        write("a.md");
        Path fifo = SpecialFiles.fifo(dir.resolve("p.txt"));
        FileSelection.Selection s = select(Policy.defaults(), List.of(), List.of());
        assertEquals(List.of("a.md"), targets(s));
        assertEquals(1, s.problems().size());
        assertEquals(fifo, s.problems().get(0).target().file());
        assertEquals(FileKind.FIFO, s.problems().get(0).kind());
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "this system has no /dev/null");
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(device));
    }

    @Test
    void symbolicLinksAreFollowedOnceLoopsEndAndDanglingOnesAreReported() throws Exception {
        write("docs/a.md", "elsewhere/b.md");
        Path linkedFile = SpecialFiles.link(dir.resolve("docs/linked.md"), dir.resolve("elsewhere/b.md"));
        SpecialFiles.link(dir.resolve("docs/loop"), dir.resolve("docs"));
        SpecialFiles.link(dir.resolve("docs/self"), dir.resolve("docs/self"));
        SpecialFiles.link(dir.resolve("docs/gone.md"), dir.resolve("nowhere.md"));
        FileSelection.Selection s = new FileSelection(Policy.defaults()).select(List.of(dir.resolve("docs")));
        assertEquals(List.of("a.md", "linked.md"), targets(s), "a linked document is checked under its link's name");
        assertEquals(linkedFile, s.targets().get(1).file());
        assertEquals(List.of("loop/"), skipped(s, SkippedFile.Reason.LINK), "a link back to a walked folder ends there");
        assertEquals(2, s.problems().size(), s.problems().toString());
        WalkProblem gone = s.problems().stream().filter(p -> p.target().relative().equals("gone.md")).findFirst()
                .orElseThrow();
        assertEquals(FileKind.BROKEN_LINK, gone.kind());
        WalkProblem self = s.problems().stream().filter(p -> p.target().relative().equals("self")).findFirst()
                .orElseThrow();
        assertInstanceOf(IOException.class, self.error(), "a link to itself cannot be resolved: reported");
    }

    @Test
    void aFolderThatCannotBeOpenedIsAProblemAndTheWalkGoesOn() throws Exception {
        write("a.md", "locked/secret.md", "z/c.md");
        Path locked = dir.resolve("locked");
        FileSelection failing = new FileSelection(Policy.defaults(), List.of(), List.of(), folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            try (var s = Files.list(folder)) {
                return s.sorted().toList();
            }
        });
        FileSelection.Selection s = failing.select(List.of(dir));
        assertEquals(List.of("a.md", "z/c.md"), targets(s));
        assertEquals(1, s.problems().size());
        assertEquals(locked, s.problems().get(0).target().file());
        assertEquals(FileKind.FOLDER, s.problems().get(0).kind());
        assertInstanceOf(AccessDeniedException.class, s.problems().get(0).error());
    }

    @Test
    void aFolderWithoutPermissionIsAProblemWhenPermissionsHold() throws Throwable {
        write("a.md", "locked/secret.md");
        Path locked = dir.resolve("locked");
        SpecialFiles.withoutPermissions(locked, () -> {
            FileSelection.Selection s = select(Policy.defaults(), List.of(), List.of());
            assertEquals(List.of("a.md"), targets(s));
            assertEquals(List.of(locked), s.problems().stream().map(p -> p.target().file()).toList());
        });
    }
}
