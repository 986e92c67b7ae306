package dev.marking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 21: the distribution scope and reproduction note as printed and as read back from a first-page line. */
class HandlingTest {

    @Test
    void theLinePrintedReadsBackAsTheSameHandling() {
        Handling both = new Handling(Optional.of("发至县团级"), true);
        assertEquals("发至县团级\u3000不得翻印", both.line().orElseThrow());
        assertEquals(Optional.of(both), Handling.ofLine(both.line().orElseThrow()));
        Handling scopeOnly = new Handling(Optional.of("发至县团级"), false);
        assertEquals(Optional.of(scopeOnly), Handling.ofLine("发至县团级"));
        assertEquals(Optional.of(new Handling(Optional.empty(), true)), Handling.ofLine("不得翻印"));
        assertEquals(Optional.of(new Handling(Optional.empty(), true)), Handling.ofLine("（不得复制）"));
        assertEquals(Optional.of(new Handling(Optional.of("发至省军级"), false)), Handling.ofLine("发放范围：发至省军级"));
        assertTrue(Handling.NONE.line().isEmpty());
    }

    @Test
    void ordinaryLinesStateNoHandling() {
        assertTrue(Handling.ofLine("机密★5年").isEmpty());
        assertTrue(Handling.ofLine("关于发至各单位的通知不得翻印的说明").isEmpty(), "words inside a sentence are not a note");
        assertTrue(Handling.ofLine("000007").isEmpty());
    }
}
