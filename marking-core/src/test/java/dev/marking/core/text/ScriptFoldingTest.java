package dev.marking.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScriptFoldingTest {

    @Test
    void foldsTraditionalAndFullWidthOneCharacterForOne() {
        String written = "機密★５年　絕密★長期 祕密 公開 內部 6個月 密級 XX部隊 某型導彈";
        String folded = ScriptFolding.fold(written);
        assertEquals("机密★5年 绝密★长期 秘密 公开 内部 6个月 密级 XX部队 某型导弹", folded);
        assertEquals(written.length(), folded.length());
    }

    @Test
    void simplifiedTextAndCharactersOutsideTheBmpAreLeftAlone() {
        String simplified = "机密★5年：XX部队于X月X日在A基地完成了某型导弹的试射。";
        assertEquals(simplified.replace('：', ':'), ScriptFolding.fold(simplified));
        String astral = "𠀀𫝈";
        assertEquals(astral, ScriptFolding.fold(astral));
    }

    @Test
    void writesTraditionalWithOpenCcsFirstChoice() {
        assertEquals("機密★5年 絕密★長期 祕密★6個月 公開", ScriptFolding.toTraditional("机密★5年 绝密★长期 秘密★6个月 公开"));
    }

    /** A word of the declass lists that folding changed could never match the folded text. */
    @Test
    void everyDeclassWordSurvivesFolding() throws IOException, URISyntaxException {
        URL dir = ScriptFolding.class.getResource("/dev/marking/core/declass/");
        List<String> changed = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("#") && !ScriptFolding.fold(line).equals(Widths.fold(line))) {
                        changed.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), changed);
    }
}
