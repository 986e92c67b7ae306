package dev.marking.core.rules.declass;

import static dev.marking.core.rules.declass.DeclassFixtures.check;
import static dev.marking.core.rules.declass.DeclassFixtures.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Positive and negative cases side by side: each pair differs only in what makes it a placeholder. */
class FakeDeclassificationRuleTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // positive                                    | evidence    | negative (an established term)
        "XX部队于昨日抵达。                            | XX部队      | 装甲部队于昨日抵达。",
        "部队在A基地集结。                             | A基地       | 部队在A座集结。",
        "装备X型装备两套。                             | X型装备     | 患者血型为A型。",
        "该型号由B研究所研制。                         | B研究所     | 如图B所示,曲线上升。",
        "请到××办公室领取。                           | ××办公室   | 请到3×4米的办公室领取。",
        "○○基地位于山区。                             | ○○基地     | 二〇二〇年基地位于山区。",
        "□□实验室完成验证。                           | □□实验室   | □同意 □不同意",
        "△△型雷达已部署。                             | △△型雷达   | 三角形△ABC的面积。",
        "#1厂房存放原料。                              | #1厂房      | 1#楼存放原料。",
        "由甲部队担任红方。                            | 甲部队      | 由甲方承担费用。",
        "由乙所负责集成。                              | 乙所        | 乙肝检测结果阴性。",
        "某型号发动机完成试车。                        | 某型号      | 某些发动机完成试车。",
        "装备交付某部使用。                            | 某部        | 装备交付某部分用户使用。",
        "会议于X月X日召开。                            | X月X日      | 会议于3月5日召开。",
        "北纬XX度。                                    | XX度        | 北纬39度。",
        "推力达到XXX千牛。                             | XXX千牛     | 推力达到300千牛。",
        "将于20XX年发射。                              | 20XX年      | 将于2030年发射。",
        "参加会议的有A部长。                           | A部长       | 参加会议的有A4纸。",
        "经某某首长同意。                              | 某某首长    | 经张某某同意。",
        "现行口令为****。                              | ****        | 手机号为138****5678。",
        "报送至**办公室。                              | **办公室    | **办公室职责**",
        "A国提供的雷达。                               | A国         | A股市场上涨。",
        "由X公司提供。                                 | X公司       | 由A公司提供。",
        "抓获嫌疑人××。                               | ××         | 抓获嫌疑人张某。",
        "A、B两个基地之间。                            | A、B两个基地 | A、B两地之间。",
        "该所研制的×型激光器。                         | ×型         | 包装尺寸为长×宽×高。",
        "请转告甲处。                                  | 甲处        | 甲公司向乙公司付款。",
        "由***负责联络。                               | ***         | 请**务必**按时提交。",
        "部队从X方向进攻。                             | X方向       | 部队从东北方向进攻。",
        "X型发射车已定型。                             | X型发射车   | A型车位已满。",
        "代号为X·XXXXX。                               | X·XXXXX     | 车牌号为京A·12345。",
        "2号机组在××核电站调试。                       | ××核电站   | 2号机组在大亚湾核电站调试。",
    })
    void placeholderAndEstablishedTerm(String positive, String expected, String negative) {
        assertEquals(List.of(expected), evidence(rule, positive), positive);
        assertEquals(List.of(), evidence(rule, negative), negative);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "请使用A4纸打印,并在B超检查后复诊。",
        "X光和CT检查结果正常,U盘须登记。",
        "其中 XX 代表设备类型,Y 代表序号。",
        "带相应 X75、X100 或 X100-12 参数的选项。",
        "缓存文件存放在/tmp/lpq.xxxx中,其中的xxxx是命令的散列值。",
        "指向网络192.56.76.x的路由,使用2.2.x或更新的内核。",
        "程序的某部份运行时间过长。",
        "不得使用QQ、微信传送涉密信息。",
        "维生素C和维生素B12的用量应遵医嘱。",
        "按照GB/T 9704-2012的要求标注份号。",
        "他用iPhone X拍照,电脑装的是Windows XP系统。",
        "特斯拉Model S的续航约600公里。",
        "COVID-19疫情期间居家办公。",
        "甲方应向乙方支付首付款。",
        "某些情况下需经领导批准。",
        "某种程度上,意识比技术更重要。",
        "HbA1c为6.5%,N95口罩,B2停车场。",
        "IT部门每月扫描OA系统。",
        "新门诊楼的B区为检验科。",
        "甲状腺结节、乙类传染病、乙脑疫苗。",
        "设x为未知数,n个样本。",
        "* 项目背景",
        "XX染色体与XY染色体。",
    })
    void establishedTermsAreNotFindings(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence));
    }

    @Test
    void anOrdinaryOfficialDocumentHasNoFindings() {
        assertEquals(List.of(), evidence(rule,
                "000123",
                "机密★5年",
                "关于做好2024年度保密自查自评工作的通知",
                "各处室、各直属单位：",
                "根据《中华人民共和国保守国家秘密法》和GB/T 9704-2012《党政机关公文格式》的要求，现就有关事项通知如下。",
                "（一）自查范围。涉密计算机、U盘、移动硬盘及A4、A3幅面的涉密纸质文件。",
                "（二）时间安排。请于二〇二四年十一月三十日前完成自查，并将《自查表》（附件1）报保密办。",
                "① 甲方、乙方签订的保密协议；② 某些临时借阅的档案；③ 第3.2条规定的其他载体。",
                "* 注：带*号的栏目为必填项。",
                "联系人：王明，电话：010-12345678，邮箱：secrecy@example.org。",
                "附件：1. 保密自查表 2. ISO 27001控制项对照表",
                "抄送：办公厅。",
                "2024年11月1日印发"));
    }

    @Test
    void evidenceSpanAndColumnAreExact() {
        List<Finding> f = check(rule, "该批次共生产XX枚,交付Y基地。");
        assertEquals(2, f.size());
        assertEquals("XX枚", f.get(0).evidence());
        assertEquals(Location.line(1, 7), f.get(0).location());
        assertEquals("Y基地", f.get(1).evidence());
        assertEquals(Location.line(1, 13), f.get(1).location());
        assertEquals("declass.fake", f.get(0).rule());
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void fullWidthVariantsAreFoundWithTheOriginalText() {
        List<Finding> f = check(rule, "ＸＸ部队进驻Ａ基地,由ｘｘ单位保障。");
        assertEquals(List.of("ＸＸ部队", "Ａ基地", "ｘｘ单位"), f.stream().map(Finding::evidence).toList());
        assertEquals(7, f.get(1).location().column());
    }

    @Test
    void messageExplainsInBothLanguages() {
        ReadModel m = DeclassFixtures.model("XX部队于昨日抵达。");
        String en = rule.check(DeclassFixtures.context(m, "en")).get(0).message();
        String zh = rule.check(DeclassFixtures.context(m, "zh")).get(0).message();
        assertEquals("'XX部队' replaces a military unit or site with letters; this is not de-classification:"
                + " the name can still be inferred; remove or reword it, or mark the document and handle it as classified",
                en);
        assertEquals("「XX部队」用字母代替部队番号或军事设施，不是脱密：名称仍可推知。应删除或改写；确需保留的，应定密并按涉密文件管理", zh);
    }

    @Test
    void incompleteDeclassificationNamesBothSpans() {
        List<Finding> f = check(rule, "A基地位于戈壁深处。", "上月,试验队进驻酒泉基地开展训练。");
        assertEquals(1, f.size());
        assertEquals("A基地", f.get(0).evidence());
        assertTrue(f.get(0).message().contains("'酒泉基地'"), f.get(0).message());
        assertTrue(f.get(0).message().contains("line 2, column 9"), f.get(0).message());
    }

    @Test
    void incompleteDeclassificationWithAUnitNumber() {
        List<Finding> f = check(rule, "XX部队于X月X日完成演练。", "参演的31681部队表现突出。");
        assertEquals(List.of("XX部队", "X月X日"), f.stream().map(Finding::evidence).toList());
        assertTrue(f.get(0).message().contains("'31681部队'"), f.get(0).message());
        assertTrue(f.get(1).message().contains("masks the digits"), f.get(1).message());
    }

    @Test
    void aRealNameInATrackedDeletionIsStillInTheDocument() {
        Location deleted = Location.body(3).withColumn(1);
        ReadModel m = new ReadModel(Path.of("a.docx"), "docx", Unit.SECTION, List.of(),
                List.of(new TextBlock("部队在A基地集结。", Location.body(1))), List.of(), Map.of(),
                List.of(new HiddenItem(HiddenKind.DELETION, "部队在马兰基地集结。", deleted)));
        List<Finding> f = rule.check(DeclassFixtures.context(m, "zh"));
        assertEquals(1, f.size());
        assertEquals("「A基地」脱密不彻底：同一文件中仍写有真实名称「马兰基地」（第3段第4列）。应同时删除真实名称，或定密并按涉密文件管理",
                f.get(0).message());
    }

    @Test
    void genericSitesAreNotRealNames() {
        List<Finding> f = check(rule, "A基地位于戈壁深处。", "该基地和训练基地都在扩建。");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("can still be inferred"), f.get(0).message());
    }

    @Test
    void headerAndFooterTextIsScannedOnce() {
        TextBlock header = new TextBlock("XX部队内部资料", Location.part("header:default"));
        List<RunningSlot> slots = List.of(new RunningSlot(1, SlotType.PAGE, List.of(header), List.of(), List.of()),
                new RunningSlot(2, SlotType.PAGE, List.of(header), List.of(), List.of()));
        ReadModel m = new ReadModel(Path.of("a.pdf"), "pdf", Unit.PAGE, List.of(), List.of(), slots, Map.of(), List.of());
        List<Finding> f = rule.check(DeclassFixtures.context(m, "en"));
        assertEquals(1, f.size());
        assertEquals(Location.part("header:default").withColumn(1), f.get(0).location());
    }

    @Test
    void secretPointsOfTheOrganisationAreContextAndFindings() {
        FakeDeclassificationRule custom = new FakeDeclassificationRule(List.of("天河工程"));
        assertEquals(List.of("天河工程"), evidence(custom, "天河工程进展顺利。"));
        assertEquals(List.of(), evidence(rule, "天河工程进展顺利。"));
    }

    @Test
    void codenamesInAClassifiedDocumentAreWhereTheyBelong() {
        FakeDeclassificationRule custom = new FakeDeclassificationRule(List.of("天河工程"));
        TextBlock mark = new TextBlock("机密★5年", Location.line(1, 0));
        ReadModel m = new ReadModel(Path.of("a.txt"), "text", Unit.FILE, List.of(mark),
                List.of(mark, new TextBlock("天河工程进展顺利,A天河工程除外。", Location.line(2, 0))), List.of(), Map.of(),
                List.of());
        assertEquals(List.of("A天河工程"), custom.check(DeclassFixtures.context(m, "en")).stream()
                .map(Finding::evidence).toList());
    }

    @Test
    void markdownEmphasisIsNotAMaskedName() {
        ReadModel md = new ReadModel(Path.of("a.md"), "text", Unit.FILE, List.of(),
                List.of(new TextBlock("请**单位负责人**审阅", Location.line(1, 0))), List.of(), Map.of(), List.of());
        assertEquals(List.of(), rule.check(DeclassFixtures.context(md, "en")));
        assertEquals(List.of("**单位"), evidence(rule, "请**单位负责人**审阅"));
    }

    @Test
    void lexiconCanBeExtendedByPolicy() {
        DeclassLexicon extended = DeclassLexicon.standard().with(
                Map.of(Category.EQUIPMENT, List.of("光刻机")), List.of("A站点"), List.of());
        FakeDeclassificationRule custom = new FakeDeclassificationRule(extended);
        assertEquals(List.of("A光刻机"), evidence(custom, "A光刻机已交付。"));
        assertEquals(List.of(), evidence(rule, "A光刻机已交付。"));
    }

    @Test
    void pathologicalRunsStayLinear() {
        for (String unit : List.of("** ", "*", "A、", "××", "某某", "X-")) {
            String text = unit.repeat(50_000); // quadratic work would take many minutes here
            // A guard against a blow-up only, generous for a loaded CI machine; DeclassBench measures the speed.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(rule, text), unit);
        }
    }

    @Test
    void longTextIsScannedInLinearTime() {
        String chunk = "XX部队于X月X日在A基地完成了某型导弹的试射,请使用A4纸打印。";
        String text = chunk.repeat(20_000);
        List<Finding> f = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(rule, text));
        assertEquals(4 * 20_000, f.size());
    }
}
