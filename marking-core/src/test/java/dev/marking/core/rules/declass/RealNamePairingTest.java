package dev.marking.core.rules.declass;

import static dev.marking.core.rules.declass.DeclassFixtures.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: "the real name is still written" only when the real name is a proper name of the same frame,
 * never any span ending in the same character and never the placeholder's own text. Documents written for
 * the purpose (real prose in the shared sample has no true pairing left to count): the real pairs must be
 * found and the traps of the real-prose measurement must not pair.
 */
class RealNamePairingTest {

    private static final Pattern REAL_NAME = Pattern.compile("the real name '([^']+)'");

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();

    /** A document (lines) and the pairing it must give ("A基地=酒泉基地"), or "" for none. */
    private record Case(String expected, String... lines) {
    }

    private static final List<Case> CASES = List.of(
            new Case("A基地=酒泉基地", "A基地位于戈壁深处。", "上月，试验队进驻酒泉基地开展训练。"),
            new Case("XX部队=31681部队", "XX部队于X月完成演练。", "参演的31681部队表现突出。"),
            new Case("B研究所=第三研究所", "该型号由B研究所研制。", "第三研究所承担了总体设计。"),
            new Case("A基地=马兰基地", "部队在A基地集结。", "部队在马兰基地集结。"),
            new Case("××港=湛江港", "舰艇于X日驶离××港。", "编队此前停靠在湛江港。"),
            new Case("C市=绵阳市", "该所位于C市郊区。", "科研人员多来自绵阳市。"),
            // traps from the real-prose measurement and fresh ones of the same kinds
            new Case("", "装备交付某部使用。", "此事属于部门内部事务。"),
            new Case("", "关于召开XX工作会议的通知", "请各单位做好工作会议的准备。"),
            new Case("", "我陆军首支女子导弹连成功实射某新型导弹。"),
            new Case("", "驻地某团开展训练。", "陆军第1集团军某团一团主官被调离岗位。"),
            new Case("", "新疆军区某师评选十大人物。", "感动天山雄师十大人物揭晓。"),
            new Case("", "该镇与某某镇相邻。", "城镇化建设加快推进。"),
            new Case("", "××区的房价上涨。", "他住在山绿洲小区。"),
            new Case("", "该部与某部联合训练。", "他是一名女科技干部。"),
            new Case("", "A国提供的雷达。", "我国和各国代表出席会议。"));

    @Test
    void pairingsAreRealNamesOfTheSameFrame() {
        int right = 0;
        int reported = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            List<String> pairs = new ArrayList<>();
            for (Finding f : check(rule, c.lines())) {
                Matcher m = REAL_NAME.matcher(f.message());
                if (m.find()) {
                    pairs.add(f.evidence() + "=" + m.group(1));
                }
            }
            reported += pairs.size();
            if (!c.expected().isEmpty() && pairs.equals(List.of(c.expected()))) {
                right++;
            } else if (!pairs.isEmpty() || !c.expected().isEmpty()) {
                wrong.add(String.join(" / ", c.lines()) + " -> " + pairs + ", expected " + c.expected());
            }
        }
        double precision = reported == 0 ? 1.0 : (double) right / reported;
        System.out.printf("pairing on written documents: %d reported, %d right, precision %.2f%n", reported, right,
                precision);
        assertEquals(List.of(), wrong);
        assertTrue(precision >= 0.9, "pairing precision " + precision);
    }
}
