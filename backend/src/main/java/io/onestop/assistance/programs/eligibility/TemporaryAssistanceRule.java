package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.SuddenEvent;
import io.onestop.assistance.programs.SuddenEventType;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * 5. Temporary assistance (临时救助): a sudden event 0 to 90 days before {@code asOf}, or a rigid-expenditure-difficulty
 * household (4, passed on by the engine). Always POSSIBLY_ELIGIBLE: staff verify. Once: min(loss, temporaryCapMonths
 * x S) with an event, temporaryCapMonths x S / 2 through 4. Urgent ("assistance first") when the event is 0 to 7 days
 * old and a fire, disaster, accident or death of the earner.
 */
final class TemporaryAssistanceRule implements EligibilityRule {

    /** The windows of the rule book, in days before {@code asOf}; the spec makes them part of the rule. */
    static final int EVENT_WINDOW_DAYS = 90;
    static final int URGENT_WINDOW_DAYS = 7;
    static final Set<SuddenEventType> URGENT_TYPES = EnumSet.of(SuddenEventType.FIRE, SuddenEventType.DISASTER,
            SuddenEventType.ACCIDENT, SuddenEventType.DEATH_OF_EARNER);

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Override
    public Program program() {
        return Program.TEMPORARY_ASSISTANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        SuddenEvent event = context.household().suddenEvent();
        Long days = event == null ? null : ChronoUnit.DAYS.between(event.date(), context.facts().asOf());
        boolean recent = days != null && days >= 0 && days <= EVENT_WINDOW_DAYS;
        out.condition(eventReason(event, days, recent), ChangeNeeded.of("SUDDEN_EVENT_WITHIN_90_DAYS",
                BigDecimal.valueOf(EVENT_WINDOW_DAYS),
                "遭遇火灾、事故、灾害、重病、家庭主要劳动力死亡或失业等突发事件后 " + EVENT_WINDOW_DAYS + " 天内申请",
                "apply within " + EVENT_WINDOW_DAYS + " days of a sudden event such as a fire, accident, disaster, "
                        + "serious illness, death of the earner or job loss"));

        Prerequisite.Check rigid = context.prerequisite();
        out.condition(Reason.of(rigid.prerequisite().code(), rigid.met(), null, null,
                rigid.met() ? "家庭符合刚性支出困难家庭条件，可申请临时救助" : "家庭不符合刚性支出困难家庭条件",
                rigid.met()
                        ? "the household qualifies as a rigid-expenditure-difficulty household, which opens temporary "
                                + "assistance"
                        : "the household does not qualify as a rigid-expenditure-difficulty household"),
                null);
        if (!recent && !rigid.met()) {
            return out.notEligible();
        }

        ParameterSet parameters = context.parameters();
        BigDecimal cap = parameters.temporaryCapMonths().multiply(context.facts().mlaStandard());
        boolean urgent = recent && days <= URGENT_WINDOW_DAYS && URGENT_TYPES.contains(event.type());
        if (recent) {
            out.note(urgencyReason(event, days, urgent));
        }
        BigDecimal amount = recent ? event.loss().min(cap) : cap.divide(TWO);
        return out.qualifies(Verdict.POSSIBLY_ELIGIBLE, urgent, context.facts().wholeHousehold().memberIds(), amount);
    }

    private static Reason eventReason(SuddenEvent event, Long days, boolean recent) {
        BigDecimal window = BigDecimal.valueOf(EVENT_WINDOW_DAYS);
        if (event == null) {
            return Reason.of("SUDDEN_EVENT_WITHIN_90_DAYS", false, null, window, "没有申报突发事件",
                    "no sudden event declared");
        }
        String zh = Texts.zhEvent(event.type());
        String en = Texts.enEvent(event.type());
        return Reason.of("SUDDEN_EVENT_WITHIN_90_DAYS", recent, BigDecimal.valueOf(days), window,
                zh + "发生在 " + days + " 天前，"
                        + (recent ? "在 " + EVENT_WINDOW_DAYS + " 天以内" : "已超过 " + EVENT_WINDOW_DAYS + " 天"),
                en + " happened " + days + " days ago, " + (recent ? "within " : "more than ") + EVENT_WINDOW_DAYS
                        + " days");
    }

    private static Reason urgencyReason(SuddenEvent event, long days, boolean urgent) {
        String zh = Texts.zhEvent(event.type());
        String en = Texts.enEvent(event.type());
        String zhText;
        String enText;
        if (urgent) {
            zhText = zh + "发生在 " + URGENT_WINDOW_DAYS + " 天以内，可先行救助、事后补充核查";
            enText = en + " happened within " + URGENT_WINDOW_DAYS + " days: assistance first, verification after";
        } else if (!URGENT_TYPES.contains(event.type())) {
            zhText = zh + "不属于可先行救助的紧急情况，按常规程序办理";
            enText = en + " is not an emergency for assistance first; the usual procedure applies";
        } else {
            zhText = zh + "发生已超过 " + URGENT_WINDOW_DAYS + " 天，按常规程序办理";
            enText = en + " happened more than " + URGENT_WINDOW_DAYS + " days ago; the usual procedure applies";
        }
        return Reason.of("ASSISTANCE_FIRST", urgent, BigDecimal.valueOf(days), BigDecimal.valueOf(URGENT_WINDOW_DAYS),
                zhText, enText);
    }
}
