package io.onestop.assistance.monitoring;

import io.onestop.assistance.monitoring.MonitoringConfig.RuleParameters;
import io.onestop.assistance.programs.Hukou;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The warning rules: code, one per signal type, with parameters per county ({@link RuleParameters}) and amounts taken
 * from the county's program parameters, like the eligibility rules. Pure: the same signal, facts and parameters give
 * the same warning, so running them again changes nothing (and the database keeps one warning per signal and rule).
 * <ul>
 * <li>A person with an active case of a program the signal hints at is being helped for it: no warning.</li>
 * <li>A person with active cases of other programs is known to caseworkers already: one level lower.</li>
 * </ul>
 */
public final class WarningRules {

    /** A warning to raise. {@code rule} names the rule (unique per signal). */
    public record Outcome(String rule, WarningLevel level, String reasonZh) {
    }

    private WarningRules() {
    }

    public static Optional<Outcome> evaluate(Signal signal, PersonFacts facts, ParameterSet parameters, RuleParameters rules) {
        List<Program> hinted = signal.type.programs();
        if (hinted.stream().anyMatch(facts.activePrograms()::contains)) {
            return Optional.empty();
        }
        Optional<Outcome> raw = raw(signal, parameters, rules);
        if (raw.isEmpty()) {
            return raw;
        }
        WarningLevel level = raw.get().level();
        StringBuilder reason = new StringBuilder(raw.get().reasonZh());
        if (!facts.activePrograms().isEmpty()) {
            level = level.lower();
            reason.append("该户已在办理或享受")
                    .append(facts.activePrograms().stream().sorted().map(p -> "“" + p.shortName().zh() + "”")
                            .collect(Collectors.joining("、")))
                    .append("，预警等级下调一级，请结合现有案件核实。");
            if (level == null) {
                return Optional.empty();
            }
        }
        if (facts.pastIntakes() > 0) {
            reason.append("此人此前曾申请救助 ").append(facts.pastIntakes()).append(" 次（已结束）。");
        }
        return Optional.of(new Outcome(raw.get().rule(), level, reason.toString()));
    }

    /** The ORANGE and RED thresholds of a medical bill, whole yuan: shares of a year's disposable income per person. */
    public static BigDecimal[] medicalBillThresholds(ParameterSet parameters, RuleParameters rules) {
        BigDecimal yearly = parameters.disposableIncomePerCapitaMonthly().multiply(BigDecimal.valueOf(12));
        return new BigDecimal[] {
            rules.medicalBillOrangeShare().multiply(yearly).setScale(0, RoundingMode.CEILING),
            rules.medicalBillRedShare().multiply(yearly).setScale(0, RoundingMode.CEILING)};
    }

    private static Optional<Outcome> raw(Signal signal, ParameterSet parameters, RuleParameters rules) {
        String when = zhDate(signal.occurredOn);
        return switch (signal.type) {
            case MEDICAL_BILL -> {
                BigDecimal[] thresholds = medicalBillThresholds(parameters, rules);
                BigDecimal yearly = parameters.disposableIncomePerCapitaMonthly().multiply(BigDecimal.valueOf(12));
                WarningLevel level = signal.amount.compareTo(thresholds[1]) >= 0 ? WarningLevel.RED
                        : signal.amount.compareTo(thresholds[0]) >= 0 ? WarningLevel.ORANGE : null;
                yield level == null ? Optional.empty() : Optional.of(new Outcome("MEDICAL_BILL_SHARE_OF_INCOME", level,
                        "医保部门数据：" + when + "前后产生医保报销后个人自付医疗费用 " + yuan(signal.amount)
                                + " 元，达到本地居民年人均可支配收入（" + yuan(yearly) + " 元）的 "
                                + percent(level == WarningLevel.RED ? rules.medicalBillRedShare() : rules.medicalBillOrangeShare())
                                + " 以上，可能因病致贫，可能符合医疗救助或刚性支出困难家庭认定。"));
            }
            case DISABILITY_CERTIFICATE -> {
                boolean severe = signal.disabilityGrade <= rules.severeDisabilityGrade();
                yield Optional.of(new Outcome("NEW_DISABILITY", severe ? WarningLevel.ORANGE : WarningLevel.YELLOW,
                        "残联数据：" + when + "新办" + signal.disabilityGrade + "级残疾人证，"
                                + (severe ? "可能符合重度残疾人护理补贴（不看家庭收入）和困难残疾人生活补贴。"
                                        : "如家庭经济困难，可能符合困难残疾人生活补贴。")));
            }
            case UNEMPLOYMENT_REGISTRATION -> Optional.of(new Outcome("UNEMPLOYED", WarningLevel.YELLOW,
                    "人社部门数据：" + when + "办理失业登记，家庭收入可能下降，可能需要就业救助或低保。"));
            case DEATH_IN_HOUSEHOLD -> Optional.of(new Outcome("DEATH_IN_HOUSEHOLD", WarningLevel.ORANGE,
                    when + "家庭成员死亡，家庭可能失去主要收入来源，可能需要临时救助或低保。"));
            case DISASTER -> {
                BigDecimal redLoss = rules.disasterRedLossMonths().multiply(parameters.mlaStandard(Hukou.URBAN))
                        .setScale(0, RoundingMode.CEILING);
                boolean heavy = signal.amount != null && signal.amount.compareTo(redLoss) >= 0;
                yield Optional.of(new Outcome("DISASTER", heavy ? WarningLevel.RED : WarningLevel.ORANGE,
                        "应急管理部门数据：" + when + "所在地区受灾" + (signal.amount == null ? "" : "，损失约 " + yuan(signal.amount) + " 元")
                                + (heavy ? "，达到 " + yuan(redLoss) + " 元以上，可能需要先行救助。" : "，可能需要临时救助。")));
            }
            case SCHOOL_DROP_OUT -> Optional.of(new Outcome("SCHOOL_DROP_OUT", WarningLevel.ORANGE,
                    "教育部门数据：" + when + "有学生辍学，可能因家庭困难，可能符合教育救助。"));
            case PROGRAM_ENDED -> {
                LocalDate transitionEnds = signal.occurredOn.plusMonths(rules.programEndTransitionMonths());
                String program = programName(signal.program);
                yield Optional.of(new Outcome("PROGRAM_ENDED", WarningLevel.ORANGE,
                        "“" + program + "”于 " + when + "到期（如孩子年满 18 周岁），过渡期发放至 " + zhDate(transitionEnds)
                                + "，请在此之前核实是否符合低保、特困供养等其他救助。"));
            }
        };
    }

    private static String programName(String code) {
        try {
            return Program.valueOf(code).localizedName().zh();
        } catch (RuntimeException e) {
            return "救助项目";
        }
    }

    static String yuan(BigDecimal amount) {
        return String.format("%,d", amount.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    static String zhDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
