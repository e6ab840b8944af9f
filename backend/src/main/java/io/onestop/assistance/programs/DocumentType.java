package io.onestop.assistance.programs;

/**
 * Kinds of supporting document a program asks for. The intake merges the lists of the chosen programs into one
 * checklist, so a document needed by several programs is uploaded once.
 */
public enum DocumentType {
    ID_CARD("身份证", "National ID card"),
    HOUSEHOLD_REGISTER("户口簿", "Household register"),
    INCOME_PROOF("收入证明", "Proof of income"),
    MEDICAL_BILLS("医疗费用票据", "Medical bills"),
    DISCHARGE_SUMMARY("出院小结或诊断证明", "Discharge summary or diagnosis"),
    TUITION_RECEIPTS("学杂费票据", "Tuition and school fee receipts"),
    DISABILITY_CERTIFICATE("残疾人证", "Disability certificate"),
    SCHOOL_ENROLMENT_PROOF("在读证明", "Proof of school enrolment"),
    HOUSE_LEASE("房屋租赁合同", "House lease"),
    HOUSING_CONDITION_PROOF("危房鉴定或住房情况证明", "Dilapidated-house assessment or housing statement"),
    INCIDENT_PROOF("突发事件证明（火灾、事故、灾害、死亡证明等）",
            "Proof of the event (fire, accident, disaster report, death certificate...)"),
    UNEMPLOYMENT_REGISTRATION("失业登记证明", "Unemployment registration"),
    PARENTS_STATUS_PROOF("父母死亡、失踪、服刑、重残或重病证明",
            "Proof that the parents died, are missing, imprisoned, severely disabled or seriously ill"),
    /** Signed once per intake by every adult member (授权书), not per program; listed for the intake checklist. */
    VERIFICATION_CONSENT("家庭经济状况核对授权书", "Consent to economic-status verification"),
    /** Anything else the resident wants the caseworker to see; no program requires it. */
    OTHER("其他材料", "Other document");

    private final LocalizedText name;

    DocumentType(String zh, String en) {
        this.name = LocalizedText.of(zh, en);
    }

    public LocalizedText localizedName() {
        return name;
    }
}
