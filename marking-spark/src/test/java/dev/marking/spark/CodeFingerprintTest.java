package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFingerprintTest {

    @TempDir
    Path tmp;

    @Test
    void aChangedClassChangesTheFingerprintAndTheManifestDoesNot() throws IOException {
        Map<String, String> entries = new TreeMap<>(Map.of(
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-On: Monday\n",
                "dev/marking/core/rules/SomeRule.class", "rule v1",
                "dev/marking/core/messages.properties", "rule.x=old text"));
        String first = CodeFingerprint.of(jar("a.jar", entries));
        assertTrue(first.matches("[0-9a-f]{16}"), first);
        assertEquals(first, CodeFingerprint.of(jar("same.jar", entries)), "the same code, another file");

        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-On: Tuesday\n");
        assertEquals(first, CodeFingerprint.of(jar("rebuilt.jar", entries)), "only the manifest changed");

        entries.put("dev/marking/core/rules/SomeRule.class", "rule v2");
        String rule = CodeFingerprint.of(jar("rule.jar", entries));
        assertNotEquals(first, rule, "a rule changed");

        entries.put("dev/marking/core/messages.properties", "rule.x=new text");
        assertNotEquals(rule, CodeFingerprint.of(jar("message.jar", entries)), "a message changed");
    }

    @Test
    void aClassFolderHashesAsTheJarOfItsFiles() throws IOException {
        Map<String, String> entries = Map.of("a/B.class", "b", "a/c/D.class", "d");
        Path folder = tmp.resolve("classes");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Path f = folder.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        assertEquals(CodeFingerprint.of(jar("classes.jar", entries)), CodeFingerprint.of(folder));
        assertTrue(CodeFingerprint.of(Engine.class).matches("[0-9a-f]{16}"), "the engine's own code");
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
