package dev.marking.core.rules.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid and invalid personal information side by side; check digits are computed here, independently. */
class PiiRulesTest {

    /** The ISO 7064 MOD 11-2 check character by the standard's recursive method (not the weight table). */
    static String withIdCheck(String first17) {
        int p = 0;
        for (char c : first17.toCharArray()) {
            p = (p + c - '0') * 2 % 11;
        }
        int r = (12 - p) % 11;
        return first17 + (r == 10 ? "X" : String.valueOf(r));
    }

    /** Appends the Luhn check digit. */
    static String withLuhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String last4(String grouped) {
        String d = grouped.replaceAll("[^0-9X]", "");
        return d.substring(d.length() - 4);
    }

    /** Another check character than the right one. */
    static String wrongLast(String valid) {
        char last = valid.charAt(valid.length() - 1);
        return valid.substring(0, valid.length() - 1) + (last == '1' ? '2' : '1');
    }

    private static List<Finding> check(Rule rule, String... paragraphs) {
        Models m = Models.docx();
        for (String p : paragraphs) {
            m.paragraph(p);
        }
        return m.check(rule);
    }

    private static List<String> evidence(List<Finding> findings) {
        return findings.stream().map(Finding::evidence).toList();
    }

    @Test
    void digitsAreCountedUpToWhatIsEnough() {
        assertEquals(2, PiiText.digitCount("a1b2 卡", 11));
        assertEquals(3, PiiText.digitCount("12345678901", 3));
        assertEquals(0, PiiText.digitCount("１２３", 3), "counted on folded text: full-width digits are not ASCII yet");
    }

    @Test
    void theTextbookIdNumberEndsInX() {
        assertEquals("11010519491231002X", withIdCheck("11010519491231002"));
        assertTrue(IdCardRule.isValid("11010519491231002X", java.time.LocalDate.of(2026, 11, 23)));
        assertEquals('X', IdCardRule.checkChar("11010519491231002"));
    }

    @Test
    void idCardPositive() {
        List<Finding> f = check(new IdCardRule(), "身份证号：11010519491231002X。");
        assertEquals(1, f.size());
        Finding hit = f.get(0);
        assertEquals("pii.id-card", hit.rule());
        assertEquals(Severity.ERROR, hit.severity());
        assertEquals("110105********002X", hit.evidence());
        assertEquals("resident ID number 110105********002X: personal information; remove it, or keep it only where"
                + " it is needed and protected", hit.message());
        assertEquals(Location.body(1).withColumn(6), hit.location());
        String digitLast = withIdCheck("44030419900101123");
        assertEquals(List.of("110105********002X", "440304********" + digitLast.substring(14)),
                evidence(check(new IdCardRule(), "11010519491231002x", "ID " + digitLast)));
        assertEquals(List.of("110105********002X"), evidence(check(new IdCardRule(), "１１０１０５１９４９１２３１００２Ｘ")));
    }

    @Test
    void idCardNegative() {
        assertTrue(check(new IdCardRule(), wrongLast("11010519491231002X")).isEmpty(), "wrong check digit");
        assertTrue(check(new IdCardRule(), withIdCheck("11010519990230123")).isEmpty(), "30 February");
        assertTrue(check(new IdCardRule(), withIdCheck("11010519991301123")).isEmpty(), "month 13");
        assertTrue(check(new IdCardRule(), withIdCheck("11010520300101123")).isEmpty(), "born in the future");
        assertTrue(check(new IdCardRule(), withIdCheck("11010518991231123")).isEmpty(), "born before 1900");
        assertTrue(check(new IdCardRule(), withIdCheck("91010519491231002")).isEmpty(), "no region starts with 9");
        assertTrue(check(new IdCardRule(), withIdCheck("19010519491231002")).isEmpty(), "no province 19");
        assertTrue(check(new IdCardRule(), "7" + "11010519491231002X").isEmpty(), "part of a longer run");
        assertTrue(check(new IdCardRule(), "11010519491231002X" + "5").isEmpty(), "part of a longer run");
    }

    @Test
    void phonePositive() {
        List<Finding> f = check(new PhoneRule(), "联系电话13812345678");
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("138****5678", f.get(0).evidence());
        assertEquals("mobile phone number 138****5678: personal information; remove it, or keep it only where it is"
                + " needed and protected", f.get(0).message());
        assertEquals(5, f.get(0).location().column());
        assertEquals(List.of("138****5678", "159****4321", "177****0000", "199****6666", "186****2222"),
                evidence(check(new PhoneRule(), "+86 138 1234 5678", "0086-159-8765-4321", "8617712340000",
                        "手机：１９９１２３４６６６６", "电话 186-0000-2222。")));
    }

    @Test
    void phoneNegative() {
        assertTrue(check(new PhoneRule(), "12812345678").isEmpty(), "no mobile prefix 12");
        assertTrue(check(new PhoneRule(), "1381234567").isEmpty(), "ten digits");
        assertTrue(check(new PhoneRule(), "138123456789").isEmpty(), "twelve digits");
        assertTrue(check(new PhoneRule(), "订单号 2013812345678").isEmpty(), "inside a longer run");
        assertTrue(check(new PhoneRule(), "010-82345678").isEmpty(), "a landline");
        assertTrue(check(new PhoneRule(), withIdCheck("11010519491231002")).isEmpty(), "inside an ID number");
    }

    @Test
    void bankCardPositive() {
        String unionPay = withLuhn("622202123456789012");
        List<Finding> f = check(new BankCardRule(), "工资卡 " + unionPay);
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals("622202*********" + unionPay.substring(15), f.get(0).evidence());
        assertEquals(5, f.get(0).location().column());
        String visa = withLuhn("411111111111111");
        String grouped = visa.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String hyphens = withLuhn("621700123456789").replaceAll("(\\d{4})(?=\\d)", "$1-");
        String nineteen = withLuhn("622848001234567890").replaceAll("(\\d{4})(?=\\d)", "$1 ");
        assertEquals(List.of("411111******" + visa.substring(12), "621700******" + hyphens.substring(15),
                "622848*********" + last4(nineteen)),
                evidence(check(new BankCardRule(), "卡号：" + grouped, hyphens + "。", nineteen)));
        String fullWidth = unionPay.chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0))).reduce("", String::concat);
        assertEquals(1, check(new BankCardRule(), fullWidth).size());
    }

    @Test
    void bankCardNegative() {
        String valid = withLuhn("622202123456789012");
        assertTrue(check(new BankCardRule(), wrongLast(valid)).isEmpty(), "fails Luhn");
        assertTrue(check(new BankCardRule(), withLuhn("123456789012345")).isEmpty(), "no issuer starts with 1");
        assertTrue(check(new BankCardRule(), withLuhn("4111111111111")).isEmpty(), "fourteen digits");
        assertTrue(check(new BankCardRule(), "9" + valid).isEmpty(), "inside a longer run");
        assertTrue(check(new BankCardRule(), "4111 1111 1111 1111 1111").isEmpty(), "twenty grouped digits");
        assertTrue(check(new BankCardRule(), "6666666666666666").isEmpty(), "one repeated digit");
        String idAlsoLuhn = idThatPassesLuhn();
        assertTrue(BankCardRule.isCardNumber(idAlsoLuhn));
        assertTrue(check(new BankCardRule(), idAlsoLuhn).isEmpty(), "a valid ID number is not a card");
        assertEquals(1, check(new IdCardRule(), idAlsoLuhn).size());
        String groupedLikeACard = idAlsoLuhn.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        assertEquals(1, check(new BankCardRule(), groupedLikeACard).size(), "written in fours it reads as a card");
        assertTrue(check(new IdCardRule(), groupedLikeACard).isEmpty());
    }

    @Test
    void anIdEndingInXIsNotACardOfSeventeenDigits() {
        String id = null;
        for (int seq = 100; seq < 999 && id == null; seq++) {
            String candidate = withIdCheck("51010519900101" + seq);
            if (candidate.endsWith("X") && BankCardRule.isCardNumber(candidate.substring(0, 17))) {
                id = candidate;
            }
        }
        assertTrue(id != null, "some such ID exists");
        assertTrue(check(new BankCardRule(), "身份证 " + id).isEmpty());
        assertEquals(1, check(new IdCardRule(), "身份证 " + id).size());
    }

    /** A valid ID number starting with 4–6 whose digits also pass Luhn (one in ten do). */
    private static String idThatPassesLuhn() {
        for (int seq = 100; seq < 999; seq++) {
            String id = withIdCheck("41010519900101" + seq);
            if (Character.isDigit(id.charAt(17)) && BankCardRule.luhn(id)) {
                return id;
            }
        }
        throw new AssertionError("no such ID in range");
    }

    @Test
    void emailPositive() {
        List<Finding> f = check(new EmailRule(), "请发送至 zhang.san+report@example.com。");
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("z***@example.com", f.get(0).evidence());
        assertEquals(6, f.get(0).location().column());
        assertEquals(List.of("l***@mail.gov.cn", "a***@b-c.org", "w***@example.com"),
                evidence(check(new EmailRule(), "li@mail.gov.cn", "<a@b-c.org>", "ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")));
    }

    @Test
    void emailNegative() {
        assertTrue(check(new EmailRule(), "root@localhost").isEmpty(), "no dot in the domain");
        assertTrue(check(new EmailRule(), "a..b@example.com").isEmpty(), "double dot");
        assertTrue(check(new EmailRule(), "user@example.c0m").isEmpty(), "TLD with a digit");
        assertTrue(check(new EmailRule(), "user@-example.com").isEmpty(), "label starts with a hyphen");
        assertTrue(check(new EmailRule(), "logo@2x.png").isEmpty(), "an image name");
        assertTrue(check(new EmailRule(), "@example.com 和 user@ 两处").isEmpty(), "halves");
    }

    @Test
    void headersAndFootersAreScanned() {
        List<Finding> f = Models.docx().paragraph("正文")
                .slot(2, "default", "联系人 13812345678", "邮箱 li@example.com", null)
                .check(new PhoneRule());
        assertEquals(1, f.size());
        assertEquals(new Location("header:default", 2, 0, 1, 0, 5), f.get(0).location());
        List<Finding> e = Models.docx().slot(1, "first", null, "邮箱 li@example.com", null).check(new EmailRule());
        assertEquals("footer:first", e.get(0).location().part());
    }

    @Test
    void longRunsWithoutAMatchStayFast() {
        String digits = "1".repeat(200_000);
        String local = "a.".repeat(100_000);
        String domain = "x@" + "a-".repeat(100_000);
        long start = System.nanoTime();
        for (Rule r : List.of(new IdCardRule(), new PhoneRule(), new BankCardRule(), new EmailRule())) {
            assertTrue(check(r, digits, local, domain, "1 ".repeat(100_000), "1234 ".repeat(50_000)).isEmpty());
        }
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear-time patterns");
    }

    /** Issue 16: digits inside a UUID, a URL path, a hex string or a longer alphanumeric run are an id, not PII. */
    @Test
    void numbersInsideIdentifiersAndUrlsAreNotPersonalData() {
        String card = withLuhn("622202123456789012");
        List<String> texts = List.of(
                "详见https://example.com/article/2c58e158-9035-4161-8a1b-3f2e9d0c7b55页面。",
                "附件编号2c58e158-9035-4161-8a1b-3f2e9d0c7b55。",
                "原帖地址：weibo.com/u/1234567/" + card + "，转发量很高。",
                "哈希值为af13812345678be，校验通过。",
                "订单号AB13812345678CD已发货。",
                "路径/data/13812345678/log.txt已清理。");
        for (String t : texts) {
            assertEquals(List.of(), evidence(check(new PhoneRule(), t)), t);
            assertEquals(List.of(), evidence(check(new BankCardRule(), t)), t);
        }
    }

    @Test
    void numbersOnTheirOwnAreStillFound() {
        String card = withLuhn("622202123456789012");
        assertEquals(List.of("138****5678"), evidence(check(new PhoneRule(), "联系电话：13812345678/13987654321")).subList(0, 1));
        assertEquals(2, check(new PhoneRule(), "联系电话：13812345678/13987654321").size());
        assertEquals(1, check(new BankCardRule(), "收款卡号" + card + "，户名张三。").size());
        assertEquals(1, check(new PhoneRule(), "手机(13812345678)").size());
    }
}
