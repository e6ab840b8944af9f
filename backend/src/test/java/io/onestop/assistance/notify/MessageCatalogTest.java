package io.onestop.assistance.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.notify.MessageCatalog.CaseFacts;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the resident reads for each event: one row per case, the expected title and text in the row. */
class MessageCatalogTest {

    private static final String NUMBER = "JZ-140105-2026-000123";
    private static final CaseFacts MLA = new CaseFacts("MINIMUM_LIVING_ALLOWANCE", null, null, null, null, List.of());

    private record Row(String eventType, String payload, CaseFacts facts, String kind, String title, String body) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("INTAKE_SUBMITTED", "{\"programs\":[\"MINIMUM_LIVING_ALLOWANCE\",\"MEDICAL_ASSISTANCE\"]}", null,
                    "INTAKE_SUBMITTED", "申请已提交",
                    "您的救助申请（受理编号 JZ-140105-2026-000123）已提交，涉及 2 个救助项目，将由各部门分别办理。办理进度可以在“我的申请”里查看。"),
            new Row("CASE_STEP_CHANGED", "{\"to\":\"ACCEPTED\"}", MLA, "CASE_ACCEPTED", "申请已受理",
                    "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已受理。工作人员会按规定时限办理，需要时会联系您，进度可以在“我的申请”里查看。"),
            new Row("DOCUMENTS_REQUESTED", "{\"types\":[\"INCOME_PROOF\",\"ID_CARD\",\"INCOME_PROOF\"]}", MLA,
                    "DOCUMENTS_REQUESTED", "请补充材料",
                    "办理“最低生活保障”（受理编号 JZ-140105-2026-000123）还需要您补充：收入证明、身份证。请在“我的申请”里上传，材料齐全后继续办理，办理期限从补齐之日起继续计算。"),
            new Row("CASE_STEP_CHANGED", "{\"to\":\"PUBLIC_NOTICE\"}",
                    new CaseFacts("MINIMUM_LIVING_ALLOWANCE", LocalDate.of(2026, 12, 12), null, null, null, List.of()),
                    "CASE_PUBLIC_NOTICE", "进入公示",
                    "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已进入公示，公示期 7 天，到 2026年12月12日 结束。公示期内没有异议的，将报请审批。"),
            new Row("CASE_STEP_CHANGED", "{\"to\":\"APPROVED\"}",
                    new CaseFacts("MINIMUM_LIVING_ALLOWANCE", null, null, new BigDecimal("669.00"), "MONTH", List.of()),
                    "CASE_APPROVED", "申请已批准",
                    "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已批准，每月 669 元。救助金将按规定发放到您的账户。"),
            new Row("CASE_STEP_CHANGED", "{\"to\":\"REJECTED\"}",
                    new CaseFacts("MINIMUM_LIVING_ALLOWANCE", null, "家庭人均收入高于当地低保标准", new BigDecimal("0"), "MONTH",
                            List.of("家庭月收入不超过 1,337 元")),
                    "CASE_REJECTED", "申请未获批准",
                    "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）未获批准。原因：家庭人均收入高于当地低保标准。"
                            + "如果以下情况有变化，可以重新申请：家庭月收入不超过 1,337 元。如有疑问或不服，可以拨打 12345 热线咨询，也可以依法申请行政复议。"),
            new Row("INTAKE_WITHDRAWN", "{}", null, "INTAKE_WITHDRAWN", "申请已撤回",
                    "您的救助申请（受理编号 JZ-140105-2026-000123）已撤回，各项目停止办理。如果情况有变化，可以随时重新申请。"));

    @Test
    void everyResidentFacingEventReadsAsExpected() {
        for (Row row : ROWS) {
            ResidentMessage message = MessageCatalog.message(row.eventType(), new JsonObject(row.payload()), NUMBER, row.facts())
                    .orElseThrow(() -> new AssertionError("no message for " + row));
            assertEquals(row.kind(), message.kind(), row.toString());
            assertEquals(row.title(), message.title(), row.toString());
            assertEquals(row.body(), message.body(), row.toString());
        }
    }

    @Test
    void staffOnlyEventsAndStepsSaidElsewhereGiveNoMessage() {
        for (String[] event : List.of(new String[] {"CASE_OBJECTION_RECEIVED", "{}"},
                new String[] {"DOCUMENT_REQUEST_FULFILLED", "{}"}, new String[] {"INTAKE_REVISED", "{}"},
                new String[] {"CASE_STEP_CHANGED", "{\"to\":\"VERIFYING\"}"},
                new String[] {"CASE_STEP_CHANGED", "{\"to\":\"RETURNED\"}"},
                new String[] {"CASE_STEP_CHANGED", "{\"to\":\"WITHDRAWN\"}"})) {
            assertEquals(Optional.empty(), MessageCatalog.message(event[0], new JsonObject(event[1]), NUMBER, MLA), event[0] + event[1]);
        }
    }

    @Test
    void residentAddressedMessagesSayWhyWhatAndHowToOptOut() {
        ResidentMessage invitation = MessageCatalog.residentMessage("INVITATION_SENT", new JsonObject("""
                {"why":"我们从医保部门了解到，您近期看病自己负担的医疗费用较多。",
                 "programs":["MINIMUM_LIVING_ALLOWANCE","MEDICAL_ASSISTANCE","NO_SUCH_PROGRAM"],"optOutDays":180}""")).orElseThrow();
        assertEquals("INVITATION", invitation.kind());
        assertEquals("邀请您申请救助", invitation.title());
        assertEquals("我们从医保部门了解到，您近期看病自己负担的医疗费用较多。根据我们掌握的情况，您可能符合：“最低生活保障”、“医疗救助”。"
                + "工作人员已为您预先填写了一份救助申请草稿，请登录网上大厅或小程序，在“我的申请草稿”里核对、补充后提交。"
                + "如果您不需要，可以在“我的邀请”里选择“暂不需要”，180 天内不会再因部门数据主动联系您。", invitation.body());

        ResidentMessage grant = MessageCatalog.residentMessage("DIRECT_GRANT_STARTED", new JsonObject("""
                {"program":"OLD_AGE_ALLOWANCE","amount":50,"period":"MONTH","startsOn":"2026-12-05"}""")).orElseThrow();
        assertEquals(new ResidentMessage("DIRECT_GRANT", "已为您办理高龄津贴",
                "根据户籍和身份信息，您符合“高龄津贴”的条件，无需申请，已为您办理，每月 50 元，自 2026年12月5日起发放。如有疑问，请拨打 12345 热线。"),
                grant);
        assertEquals(Optional.empty(), MessageCatalog.residentMessage("SOMETHING_ELSE", new JsonObject()));
    }
}
