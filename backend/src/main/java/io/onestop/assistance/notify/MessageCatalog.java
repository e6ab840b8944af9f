package io.onestop.assistance.notify;

import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.Program;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the resident reads for each outbox event, in plain Simplified Chinese: what happened, what it means and what
 * to do next. Events that concern staff only (verification started, an objection received, a document counted) and
 * steps the resident already hears of another way answer empty: they are marked delivered without a message.
 */
public final class MessageCatalog {

    /** What the worker read about the case of a case event (null fields when the case has no decision). */
    public record CaseFacts(String program, LocalDate noticeEndsOn, String reasonZh, BigDecimal amount, String period,
            List<String> whatWouldChangeZh) {
    }

    private MessageCatalog() {
    }

    public static Optional<ResidentMessage> message(String eventType, JsonObject payload, String intakeNumber,
            CaseFacts facts) {
        String number = intakeNumber == null ? "" : "（受理编号 " + intakeNumber + "）";
        return switch (eventType) {
            case "INTAKE_SUBMITTED" -> Optional.of(new ResidentMessage("INTAKE_SUBMITTED", "申请已提交",
                    "您的救助申请" + number + "已提交，涉及 " + size(payload.getJsonArray("programs"))
                            + " 个救助项目，将由各部门分别办理。办理进度可以在“我的申请”里查看。"));
            case "INTAKE_WITHDRAWN" -> Optional.of(new ResidentMessage("INTAKE_WITHDRAWN", "申请已撤回",
                    "您的救助申请" + number + "已撤回，各项目停止办理。如果情况有变化，可以随时重新申请。"));
            case "DOCUMENTS_REQUESTED" -> Optional.of(new ResidentMessage("DOCUMENTS_REQUESTED", "请补充材料",
                    "办理" + programOf(facts, "您的申请") + number + "还需要您补充：" + documents(payload.getJsonArray("types"))
                            + "。请在“我的申请”里上传，材料齐全后继续办理，办理期限从补齐之日起继续计算。"));
            case "CASE_STEP_CHANGED" -> caseStep(payload.getString("to", ""), number, facts);
            default -> Optional.empty();
        };
    }

    /**
     * Messages addressed to a resident rather than about an intake (outbox aggregate {@code RESIDENT}, written by
     * monitoring and hotline): an invitation to apply (政策找人), a grant started without an application (免申即享) and a draft
     * the hotline prepared for the caller (代办), which they confirm on their own device.
     */
    public static Optional<ResidentMessage> residentMessage(String eventType, JsonObject payload) {
        return switch (eventType) {
            case "INVITATION_SENT" -> {
                List<String> programs = programNames(payload.getJsonArray("programs"));
                yield Optional.of(new ResidentMessage("INVITATION", "邀请您申请救助",
                        payload.getString("why", "")
                                + (programs.isEmpty() ? "您的家庭可能需要帮助。" : "根据我们掌握的情况，您可能符合：" + String.join("、", programs) + "。")
                                + "工作人员已为您预先填写了一份救助申请草稿，请登录网上大厅或小程序，在“我的申请草稿”里核对、补充后提交。"
                                + "如果您不需要，可以在“我的邀请”里选择“暂不需要”，" + payload.getInteger("optOutDays", 180)
                                + " 天内不会再因部门数据主动联系您。"));
            }
            case "DIRECT_GRANT_STARTED" -> {
                String program = programOf(new CaseFacts(payload.getString("program"), null, null, null, null, null), "救助项目");
                BigDecimal amount = payload.getValue("amount") == null ? null : new BigDecimal(payload.getValue("amount").toString());
                String startsOn = payload.getString("startsOn");
                yield Optional.of(new ResidentMessage("DIRECT_GRANT", "已为您办理" + program.replace("“", "").replace("”", ""),
                        "根据户籍和身份信息，您符合" + program + "的条件，无需申请，已为您办理"
                                + amount(new CaseFacts(null, null, null, amount, payload.getString("period"), null))
                                + (startsOn == null ? "" : "，自 " + zhDate(LocalDate.parse(startsOn)) + "起发放")
                                + "。如有疑问，请拨打 12345 热线。"));
            }
            case "ASSISTED_DRAFT_PREPARED" -> Optional.of(new ResidentMessage("ASSISTED_DRAFT", "热线已为您填好申请草稿",
                    "您在电话里请 " + payload.getString("line", "12345") + " 热线工作人员帮忙填写的救助申请已保存为草稿，还没有提交。"
                            + "请用本人身份证实名登录网上大厅或小程序，在“申请救助”里核对、签署授权后提交；不提交就不会办理。"
                            + "如果这不是您本人的意思，请拨打 12345 告诉我们。"));
            default -> Optional.empty();
        };
    }

    private static List<String> programNames(JsonArray codes) {
        List<String> names = new ArrayList<>();
        if (codes != null) {
            for (Object code : codes) {
                try {
                    names.add("“" + Program.valueOf(String.valueOf(code)).localizedName().zh() + "”");
                } catch (IllegalArgumentException e) {
                    // a program this version does not know: left out
                }
            }
        }
        return names;
    }

    private static Optional<ResidentMessage> caseStep(String to, String number, CaseFacts facts) {
        String program = programOf(facts, "救助项目");
        return switch (to) {
            case "ACCEPTED" -> Optional.of(new ResidentMessage("CASE_ACCEPTED", "申请已受理",
                    "您申请的" + program + number + "已受理。工作人员会按规定时限办理，需要时会联系您，进度可以在“我的申请”里查看。"));
            case "PUBLIC_NOTICE" -> Optional.of(new ResidentMessage("CASE_PUBLIC_NOTICE", "进入公示",
                    "您申请的" + program + number + "已进入公示，公示期 7 天"
                            + (facts != null && facts.noticeEndsOn() != null ? "，到 " + zhDate(facts.noticeEndsOn()) + " 结束" : "")
                            + "。公示期内没有异议的，将报请审批。"));
            case "APPROVED" -> Optional.of(new ResidentMessage("CASE_APPROVED", "申请已批准",
                    "您申请的" + program + number + "已批准" + amount(facts) + "。救助金将按规定发放到您的账户。"));
            case "REJECTED" -> Optional.of(new ResidentMessage("CASE_REJECTED", "申请未获批准",
                    "您申请的" + program + number + "未获批准。" + reason(facts) + whatWouldChange(facts)
                            + "如有疑问或不服，可以拨打 12345 热线咨询，也可以依法申请行政复议。"));
            case "CLOSED" -> Optional.of(new ResidentMessage("CASE_CLOSED", "办理完结",
                    "您申请的" + program + number + "已办结。"));
            // RETURNED: DOCUMENTS_REQUESTED says which documents; WITHDRAWN: INTAKE_WITHDRAWN says it once per intake
            default -> Optional.empty();
        };
    }

    private static String programOf(CaseFacts facts, String otherwise) {
        if (facts == null || facts.program() == null) {
            return otherwise;
        }
        try {
            return "“" + Program.valueOf(facts.program()).localizedName().zh() + "”";
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private static String amount(CaseFacts facts) {
        if (facts == null || facts.amount() == null || facts.amount().signum() <= 0) {
            return "";
        }
        String yuan = facts.amount().stripTrailingZeros().toPlainString();
        return switch (facts.period() == null ? "" : facts.period()) {
            case "MONTH" -> "，每月 " + yuan + " 元";
            case "YEAR" -> "，每年 " + yuan + " 元";
            case "ONCE" -> "，一次性发放 " + yuan + " 元";
            default -> "，金额 " + yuan + " 元";
        };
    }

    private static String reason(CaseFacts facts) {
        if (facts == null || facts.reasonZh() == null || facts.reasonZh().isBlank()) {
            return "";
        }
        String reason = facts.reasonZh().strip();
        return "原因：" + reason + (reason.endsWith("。") ? "" : "。");
    }

    private static String whatWouldChange(CaseFacts facts) {
        if (facts == null || facts.whatWouldChangeZh() == null || facts.whatWouldChangeZh().isEmpty()) {
            return "";
        }
        return "如果以下情况有变化，可以重新申请：" + String.join("；", facts.whatWouldChangeZh()) + "。";
    }

    private static String documents(JsonArray types) {
        List<String> names = new ArrayList<>();
        if (types != null) {
            for (Object type : types) {
                try {
                    names.add(DocumentType.valueOf(String.valueOf(type)).localizedName().zh());
                } catch (IllegalArgumentException e) {
                    names.add("其他材料");
                }
            }
        }
        return names.isEmpty() ? "相关材料" : String.join("、", names.stream().distinct().toList());
    }

    private static int size(JsonArray array) {
        return array == null ? 0 : array.size();
    }

    private static String zhDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
