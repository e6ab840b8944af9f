package io.onestop.assistance.hotline;

import io.onestop.assistance.programs.LocalizedText;

/**
 * The fixed questions a call handler may ask to verify a caller before looking them up. Staff record which were
 * answered correctly, never the answers: the answers are personal data and the record only has to show the check
 * was made.
 */
public enum VerificationQuestion {
    FULL_NAME("来电人姓名（与证件一致）", "The caller's full name as on the id card"),
    BIRTH_DATE("出生日期", "Date of birth"),
    ID_LAST_FOUR("身份证号后四位", "Last four characters of the national id number"),
    REGISTERED_ADDRESS("户籍地址或常住地址", "Registered or usual address"),
    INTAKE_NUMBER("受理编号（如已申请）", "Intake number, if they have applied"),
    HOUSEHOLD_MEMBERS("共同生活家庭成员人数及关系", "Number of household members and how they are related"),
    PHONE_ON_FILE("申请时留的联系电话", "The phone number left with the application");

    private final LocalizedText text;

    VerificationQuestion(String zh, String en) {
        this.text = LocalizedText.of(zh, en);
    }

    public LocalizedText text() {
        return text;
    }
}
