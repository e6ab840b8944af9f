package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Households.applicant;
import static io.onestop.assistance.programs.Households.household;
import static io.onestop.assistance.programs.Households.member;
import static io.onestop.assistance.programs.ScreeningAssertions.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Households;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Relationship;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import io.onestop.assistance.programs.SuddenEventType;
import io.onestop.assistance.programs.Verdict;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A NOT_ELIGIBLE verdict that fails on a number names the number that would turn it, in zh and en. */
class WhatWouldChangeTest {

    private final ScreeningService service = Households.screeningService();

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void namesTheNumberThatWouldChangeTheVerdict(String behaviour, Households household, Program program, String code,
            long target, String zh, String en) {
        Screening screening = service.screen(household.build());
        assertEquals(Verdict.NOT_ELIGIBLE, result(screening, program).verdict());
        ChangeNeeded change = result(screening, program).whatWouldChange().stream()
                .filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(program + " has no change " + code));
        assertEquals(0, BigDecimal.valueOf(target).compareTo(change.target()), "target");
        assertEquals(zh, change.message().zh());
        assertEquals(en, change.message().en());
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("MLA, one member at 669: at most 668", household().member(applicant(40).earning(669)),
                        Program.MINIMUM_LIVING_ALLOWANCE, "PCI_BELOW_STANDARD", 668,
                        "家庭月收入不超过 668 元", "household income at most 668 yuan a month"),
                Arguments.of("MLA, three members: at most 2,006",
                        household().member(applicant(40).earning(2500)).member(member(Relationship.SPOUSE, 40))
                                .member(member(Relationship.CHILD, 5)),
                        Program.MINIMUM_LIVING_ALLOWANCE, "PCI_BELOW_STANDARD", 2006,
                        "家庭月收入不超过 2,006 元", "household income at most 2,006 yuan a month"),
                Arguments.of("MLA, assets over the limit", household().member(applicant(40)).financialAssets(20_000),
                        Program.MINIMUM_LIVING_ALLOWANCE, "ASSETS_WITHIN_LIMIT", 16_056,
                        "家庭存款和有价证券合计不超过 16,056 元", "household savings and securities at most 16,056 yuan in total"),
                Arguments.of("MLA, a vehicle", household().member(applicant(40)).vehicles(1),
                        Program.MINIMUM_LIVING_ALLOWANCE, "NO_NON_ESSENTIAL_VEHICLE", 0,
                        "家庭不拥有非生活必需的机动车", "no non-essential vehicle in the household"),
                Arguments.of("marginal, one member at 1,004: at most 1,003",
                        household().member(applicant(40).earning(1004)),
                        Program.MARGINAL_LOW_INCOME, "PCI_BELOW_MARGINAL_LINE", 1003,
                        "家庭月收入不超过 1,003 元", "household income at most 1,003 yuan a month"),
                Arguments.of("special hardship, own income at the standard",
                        household().member(applicant(72).otherIncome(669)),
                        Program.SPECIAL_HARDSHIP, "OWN_INCOME_BELOW_STANDARD", 668,
                        "成员 m1 本人月收入不超过 668 元", "member m1's own income at most 668 yuan a month"),
                Arguments.of("rigid expenditure, spending one yuan short",
                        household().member(applicant(40).earning(2000)).medical(15_972),
                        Program.RIGID_EXPENDITURE, "INCOME_AFTER_RIGID_EXPENDITURE_BELOW_STANDARD", 15_973,
                        "过去 12 个月医疗和教育自付支出合计至少 15,973 元",
                        "medical and education spending of at least 15,973 yuan over the last 12 months"),
                Arguments.of("temporary, event 91 days ago",
                        household().member(applicant(40).earning(5000)).event(SuddenEventType.FIRE, 91, 100),
                        Program.TEMPORARY_ASSISTANCE, "SUDDEN_EVENT_WITHIN_90_DAYS", 90,
                        "遭遇火灾、事故、灾害、重病、家庭主要劳动力死亡或失业等突发事件后 90 天内申请",
                        "apply within 90 days of a sudden event such as a fire, accident, disaster, serious illness, "
                                + "death of the earner or job loss"),
                Arguments.of("old age, 79", household().member(applicant(79).otherIncome(3000)),
                        Program.OLD_AGE_ALLOWANCE, "MEMBER_AGED_80_OR_OVER", 80,
                        "家中有年满 80 周岁的成员", "a member aged 80 or over"));
    }

    @Test
    void saysTheIncomeOfTheRemainingMembersWhenSpecialHardshipMembersLeave() {
        Screening screening = service.screen(household().member(applicant(72).retired())
                .member(member(Relationship.SPOUSE, 65).otherIncome(1000)).build());
        ChangeNeeded change = result(screening, Program.MINIMUM_LIVING_ALLOWANCE).whatWouldChange().get(0);
        assertEquals("家庭月收入（不含特困供养成员）不超过 668 元", change.message().zh());
        assertTrue(result(screening, Program.MINIMUM_LIVING_ALLOWANCE).reasons().get(0).message().zh()
                .startsWith("家庭人均月收入（不含特困供养成员） 1,000 元"));
    }

    @Test
    void listsNothingToChangeWhenAHigherStatusComesFirst() {
        Screening screening = service.screen(household().member(applicant(40).unemployed()).build());
        assertEquals(Verdict.NOT_ELIGIBLE, result(screening, Program.MARGINAL_LOW_INCOME).verdict());
        assertTrue(result(screening, Program.MARGINAL_LOW_INCOME).whatWouldChange().isEmpty());
    }
}
