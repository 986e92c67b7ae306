package dev.marking.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as Chinese offices save it: UTF-8 (with or without a byte-order mark), else GB18030 — what Notepad and
 * Excel on Chinese Windows write as "ANSI" (GB18030 is a superset of GBK and GB2312).
 *
 * @param text    the decoded text, without a byte-order mark
 * @param charset the charset it was in
 */
public record TextBytes(String text, Charset charset) {

    /** GB18030, the Chinese national charset. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** Decodes {@code bytes} as UTF-8, else as GB18030; fails when they are neither. */
    public static TextBytes decode(byte[] bytes) throws CharacterCodingException {
        try {
            String text = strict(bytes, StandardCharsets.UTF_8);
            return new TextBytes(text.startsWith("\uFEFF") ? text.substring(1) : text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new TextBytes(strict(bytes, GB18030), GB18030);
        }
    }

    private static String strict(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
