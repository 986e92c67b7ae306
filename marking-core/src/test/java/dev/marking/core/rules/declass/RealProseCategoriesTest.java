package dev.marking.core.rules.declass;

import static dev.marking.core.rules.declass.DeclassFixtures.check;
import static dev.marking.core.rules.declass.DeclassFixtures.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, acceptance 3: the kinds of error found on real prose, each with the issue's own example and
 * sentences written afresh for the same kind (held out: none of them is in the real-prose sample), so that
 * a fix for a kind is checked on text it was not tuned on.
 */
class RealProseCategoriesTest {

    private final FakeDeclassificationRule rule = new FakeDeclassificationRule();
    private final FakeDeclassificationRule reporting = new FakeDeclassificationRule(DeclassLexicon.standard(),
            Optional.of(Severity.INFO));
    private final TemplateBlankRule templates = new TemplateBlankRule();

    /** Lawful anonymisation in a published judgment: not declass.fake by default. */
    @ParameterizedTest
    @ValueSource(strings = {
        "原告张某某诉称，被告王某向其借款，李X作担保。",
        "被告驾驶粤B×××××号小型轿车，将款项转入其尾号6228480XXXXXXX1234的账户。",
        "被害人被送至A医院救治，X公司垫付了医疗费。",
        "被告人连某军辩称，冉某连骨折与其无关。",
        "自诉人在某某小区某某单元给客户开锁时被殴打。",
        "上诉人赵某甲与赵某乙系兄弟，案发于XX茶楼X楼。",
        // fresh sentences of the same kinds
        "原告钱某某与被告孙X于2019年签订借款协议，约定由C公司担保。",
        "本院查明，被告人驾驶川A×××××号货车行至某某路口时与原告相撞。",
        "被告人郑某乙辩称，其在B医院住院期间未与被害人联系。",
        "申请人吴某某称，被申请人将款项汇入其6217XXXXXXXX5678账户。",
    })
    void judgmentsAnonymiseLawfully(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "原告张某某诉称，被告王某向其借款。          | 张某某,王某",
        "被告驾驶粤B×××××号车辆。                   | 粤B×××××",
        "他所在的单位由李X负责。                     | 李X",
        "户主孙××的身份证号为11010519XXXXXXXX1X。     | 孙××,11010519XXXXXXXX1X",
    })
    void aPolicyCanReportPseudonymsAsInfo(String sentence, String expected) {
        List<Finding> f = check(reporting, sentence);
        assertEquals(List.of(expected.split(",")), f.stream().map(Finding::evidence).toList(), sentence);
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.INFO && x.rule().equals("declass.fake")));
        assertTrue(f.get(0).message().contains("lawful de-identification"), f.get(0).message());
    }

    /** Words are words: a stem or letter inside a name or model designation is part of it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "他在意大利撒丁岛度假。",
        "英国雷丁大学的研究团队发表了论文。",
        "长征三号乙运载火箭成功发射。",
        "X-2技术验证机完成首飞。",
        "美国海军试射了标准-3 Block IC导弹。",
        "俄军部署了伊斯坎德尔-M导弹。",
        "本赛季中甲联赛共有十六支球队。",
        "美军第3步兵团A连参加了演习。",
        "喷火I型战斗机驾驶员须知。",
        "在1973年引入X.25之前，网络技术多种多样。",
        // fresh sentences of the same kinds
        "旅行团抵达马丁尼克岛后参观了博物馆。",
        "长征二号丙运载火箭将两颗卫星送入轨道。",
        "X-15火箭动力试验机的速度达到6.7马赫。",
        "俄罗斯展出了道尔-M2防空系统。",
        "英军第1营B连在训练中表现突出。",
        "他设计的E型飞机最终没有投产。",
    })
    void designationsAndNamesAreNotPlaceholders(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
    }

    /** Template blanks are declass.template (info), not declass.fake. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "依照本条例第XX条的规定办理。                  | XX",
        "逾期不改正的，处以XX元罚款。                  | XX元",
        "请到XXX银行缴纳费用。                         | XXX银行",
        "申请日期：20XX年X月X日（模板）                | 20XX年X月X日",
        "请填写：出生日期20XX年X月X日。               | 20XX年X月X日",
        // fresh sentences of the same kinds
        "地址：××省××市××区××路××号                 | ××省××市××区××路",
        "本合同自双方签字之日起生效，有效期为××个月。 | ××个",
        "甲方应在收到发票后××天内付款。               | ××天",
    })
    void templateBlanksAreASeparateFinding(String sentence, String blank) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
        List<Finding> f = check(templates, sentence);
        assertTrue(f.stream().anyMatch(x -> x.evidence().equals(blank.strip())), sentence + " -> " + f);
        assertTrue(f.stream().allMatch(x -> x.rule().equals("declass.template") && x.severity() == Severity.INFO));
    }

    /** Blanks that are too slight to report at all: nothing, which the issue allows as well as declass.template. */
    @ParameterizedTest
    @ValueSource(strings = {"违反本规定第X款的，由主管部门责令改正。", "第一任总经理由×方推荐。", "经办律师×××（签字）"})
    void slightBlanksAreNotFakeDeclassification(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
    }

    /** Symbols that are not placeholders: a list bullet, characters lost from an old text, a multiplication. */
    @ParameterizedTest
    @ValueSource(strings = {
        "△ 加强组织领导，落实工作责任。",
        "碑文残缺，其下□□□□四字已不可辨。",
        "住院伙食补助费：13天×l00元／天=1300元。",
        "记者在一家叫“聚×阁”的铺子里看到一把古琴。",
        // fresh
        "○ 完善制度建设；○ 强化监督检查。",
        "原稿此处有□□□□□缺字，据别本补。",
    })
    void symbolsThatAreNotPlaceholders(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
    }

    /** Every 某 + unit, compound ones as a whole, and 某地 where the paragraph is about a unit. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "陆军某步兵师开展实弹射击。                    | 某步兵师",
        "西藏军区某炮兵旅组织演练。                    | 某炮兵旅",
        "第71集团军某装甲旅千里机动。                  | 某装甲旅",
        "空军某航空兵师完成转场。                      | 某航空兵师",
        "火箭军某维护分中心官兵坚守岗位。              | 某维护分中心",
        "火箭军某导弹旅夜间发射训练。                  | 某导弹旅",
        "空降兵某团在西北某地组织训练。                | 某团,某地",
        // fresh
        "海军某舰载航空兵部队完成着舰训练。            | 某舰载航空兵部队",
        "北部战区某边防团巡逻至界碑。                  | 某边防团",
        "联勤保障部队某仓库完成物资轮换。              | 某仓库",
        "驻甘某基地开展医疗保障。                      | 某基地",
        "南海舰队某水警区扫雷舰编队开训。              | 某水警区扫雷舰编队",
        "新疆军区某红军师集训。                        | 某红军师",
    })
    void unitPlaceholdersAreFoundWhole(String sentence, String expected) {
        assertEquals(List.of(expected.split(",")), evidence(rule, sentence), sentence);
    }

    /** 某地 and a vague 某区域 hide nothing in ordinary news. */
    @ParameterizedTest
    @ValueSource(strings = {"某地发生4.5级地震，暂无人员伤亡。", "瘟疫在俄罗斯某地爆发。", "某市一男子因诈骗被刑拘。",
        "某旅游团在景区走失一名游客。", "国内某大型集团的养殖事业部经理表示。"})
    void vaguePlacesInOrdinaryNewsAreNotFindings(String sentence) {
        assertEquals(List.of(), evidence(rule, sentence), sentence);
    }
}
