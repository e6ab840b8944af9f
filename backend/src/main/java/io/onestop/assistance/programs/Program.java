package io.onestop.assistance.programs;

import static io.onestop.assistance.programs.DocumentType.DISABILITY_CERTIFICATE;
import static io.onestop.assistance.programs.DocumentType.DISCHARGE_SUMMARY;
import static io.onestop.assistance.programs.DocumentType.HOUSEHOLD_REGISTER;
import static io.onestop.assistance.programs.DocumentType.HOUSE_LEASE;
import static io.onestop.assistance.programs.DocumentType.HOUSING_CONDITION_PROOF;
import static io.onestop.assistance.programs.DocumentType.ID_CARD;
import static io.onestop.assistance.programs.DocumentType.INCIDENT_PROOF;
import static io.onestop.assistance.programs.DocumentType.INCOME_PROOF;
import static io.onestop.assistance.programs.DocumentType.MEDICAL_BILLS;
import static io.onestop.assistance.programs.DocumentType.PARENTS_STATUS_PROOF;
import static io.onestop.assistance.programs.DocumentType.SCHOOL_ENROLMENT_PROOF;
import static io.onestop.assistance.programs.DocumentType.TUITION_RECEIPTS;
import static io.onestop.assistance.programs.DocumentType.UNEMPLOYMENT_REGISTRATION;
import static io.onestop.assistance.programs.WorkflowStep.ACCEPTED;
import static io.onestop.assistance.programs.WorkflowStep.APPROVED;
import static io.onestop.assistance.programs.WorkflowStep.COMMUNITY_REVIEW;
import static io.onestop.assistance.programs.WorkflowStep.HOME_VISIT;
import static io.onestop.assistance.programs.WorkflowStep.PUBLIC_NOTICE;
import static io.onestop.assistance.programs.WorkflowStep.SUBMITTED;
import static io.onestop.assistance.programs.WorkflowStep.VERIFYING;

import java.util.List;

/**
 * The 13 programs of programs-spec.md, in its order (every screening lists them in this order). Each is owned by one
 * agency, with its documents, the steps of its case and the legal deadline of the decision in working days. The MLA
 * deadline (30 working days from acceptance) is published policy; the other deadlines are demo values.
 */
public enum Program {
    MINIMUM_LIVING_ALLOWANCE(Agency.CIVIL_AFFAIRS, "最低生活保障", "Minimum living allowance", "低保", "minimum living allowance",
            "家庭人均收入低于当地低保标准、财产符合规定的家庭，按月补足差额。",
            "Monthly top-up to the local standard for households with low income per person and few assets.",
            EstimatePeriod.MONTH, List.of(ID_CARD, HOUSEHOLD_REGISTER, INCOME_PROOF), Steps.FULL_REVIEW, 30),
    SPECIAL_HARDSHIP(Agency.CIVIL_AFFAIRS, "特困人员救助供养", "Special hardship support", "特困供养", "special hardship support",
            "无劳动能力、无生活来源、无法定赡养抚养扶养义务人（或其无能力）的老年人、重度残疾人和未成年人。",
            "For elderly people, severely disabled people and minors with no capacity to work, no income and no able supporter.",
            EstimatePeriod.MONTH, List.of(ID_CARD, HOUSEHOLD_REGISTER, INCOME_PROOF), Steps.FULL_REVIEW, 30),
    MARGINAL_LOW_INCOME(Agency.CIVIL_AFFAIRS, "低保边缘家庭认定", "Marginal low-income household", "低保边缘",
            "marginal low-income status",
            "收入略高于低保标准的家庭，认定后可获得医疗、教育、住房、就业等专项救助。",
            "Households just above the minimum living standard; the status opens medical, education, housing and employment help.",
            EstimatePeriod.NONE, List.of(ID_CARD, HOUSEHOLD_REGISTER, INCOME_PROOF), Steps.FULL_REVIEW, 30),
    RIGID_EXPENDITURE(Agency.CIVIL_AFFAIRS, "刚性支出困难家庭认定", "Rigid-expenditure-difficulty household", "刚性支出困难",
            "rigid-expenditure difficulty status",
            "医疗、教育等必需支出较大、导致生活困难的家庭，认定后可获得医疗救助和临时救助。",
            "Households whose medical and education spending leaves too little to live on; opens medical and temporary help.",
            EstimatePeriod.NONE, List.of(ID_CARD, HOUSEHOLD_REGISTER, INCOME_PROOF, MEDICAL_BILLS, TUITION_RECEIPTS),
            Steps.VERIFIED_WITH_VISIT, 30),
    TEMPORARY_ASSISTANCE(Agency.CIVIL_AFFAIRS, "临时救助", "Temporary assistance", "临时救助", "temporary assistance",
            "遭遇火灾、事故、灾害、重病、家庭主要劳动力死亡等突发事件的家庭，一次性救助；紧急情况可先行救助。",
            "One-off help after a fire, accident, disaster, serious illness or death of the earner; urgent cases are paid first.",
            EstimatePeriod.ONCE, List.of(ID_CARD, HOUSEHOLD_REGISTER, INCIDENT_PROOF), Steps.VERIFIED, 15),
    MEDICAL_ASSISTANCE(Agency.MEDICAL_INSURANCE, "医疗救助", "Medical assistance", "医疗救助", "medical assistance",
            "对救助对象医保报销后的自付医疗费用按比例救助，设年度上限。",
            "Pays a share of out-of-pocket medical costs after insurance for assisted households, up to a yearly cap.",
            EstimatePeriod.YEAR, List.of(ID_CARD, MEDICAL_BILLS, DISCHARGE_SUMMARY), Steps.VERIFIED, 20),
    EDUCATION_ASSISTANCE(Agency.EDUCATION, "教育救助", "Education assistance", "教育救助", "education assistance",
            "救助家庭中在读的小学至大学学生，按学段每月补助。",
            "Monthly help for students from primary school to college in assisted households.",
            EstimatePeriod.MONTH, List.of(ID_CARD, SCHOOL_ENROLMENT_PROOF), Steps.VERIFIED, 20),
    HOUSING_ASSISTANCE(Agency.HOUSING, "住房救助", "Housing assistance", "住房救助", "housing assistance",
            "无房租住或住危房的救助家庭，通过公租房、租赁补贴或危房改造解决。",
            "Public rental housing, rent subsidy or repair for assisted households that rent or live in a dilapidated house.",
            EstimatePeriod.NONE, List.of(ID_CARD, HOUSEHOLD_REGISTER, HOUSE_LEASE, HOUSING_CONDITION_PROOF),
            List.of(SUBMITTED, ACCEPTED, VERIFYING, HOME_VISIT, PUBLIC_NOTICE, APPROVED), 30),
    EMPLOYMENT_ASSISTANCE(Agency.HUMAN_RESOURCES, "就业救助", "Employment assistance", "就业救助", "employment assistance",
            "救助家庭中有劳动能力的失业成员，提供职业介绍、技能培训、公益性岗位等服务。",
            "Job placement, training and public-service jobs for unemployed members able to work in assisted households.",
            EstimatePeriod.NONE, List.of(ID_CARD, UNEMPLOYMENT_REGISTRATION), Steps.SIMPLE, 15),
    DISABILITY_LIVING_ALLOWANCE(Agency.DISABLED_PERSONS_FEDERATION, "困难残疾人生活补贴", "Disability living allowance",
            "困难残疾人生活补贴", "disability living allowance",
            "低保家庭或特困人员中的残疾人，每人每月补贴。",
            "Monthly allowance for disabled members of households with minimum living allowance or special hardship support.",
            EstimatePeriod.MONTH, List.of(ID_CARD, DISABILITY_CERTIFICATE), Steps.VERIFIED, 20),
    SEVERE_DISABILITY_CARE(Agency.DISABLED_PERSONS_FEDERATION, "重度残疾人护理补贴", "Severe-disability care allowance",
            "重度残疾人护理补贴", "severe-disability care allowance",
            "一级、二级残疾人，不论家庭收入，每人每月护理补贴。",
            "Monthly care allowance for disability grade 1 or 2, whatever the household income.",
            EstimatePeriod.MONTH, List.of(ID_CARD, DISABILITY_CERTIFICATE), Steps.VERIFIED, 20),
    CHILD_LIVING_SUBSIDY(Agency.CIVIL_AFFAIRS, "孤儿和事实无人抚养儿童基本生活保障", "Child living subsidy",
            "孤儿和事实无人抚养儿童保障", "child living subsidy",
            "父母双方死亡、失踪、服刑、重度残疾或重病、无法抚养的未满 18 周岁儿童，每人每月发放基本生活费。",
            "Monthly living subsidy for children under 18 whose parents cannot raise them (dead, missing, imprisoned, "
                    + "severely disabled or seriously ill).",
            EstimatePeriod.MONTH, List.of(ID_CARD, HOUSEHOLD_REGISTER, PARENTS_STATUS_PROOF), Steps.FULL_REVIEW, 30),
    OLD_AGE_ALLOWANCE(Agency.CIVIL_AFFAIRS, "高龄津贴", "Old-age allowance", "高龄津贴", "old-age allowance",
            "年满 80 周岁的老年人，按年龄段每月发放。",
            "Monthly allowance for residents aged 80 and over, by age band.",
            EstimatePeriod.MONTH, List.of(ID_CARD, HOUSEHOLD_REGISTER), Steps.SIMPLE, 20);

    private final Agency agency;
    private final LocalizedText name;
    private final LocalizedText shortName;
    private final LocalizedText description;
    private final EstimatePeriod estimatePeriod;
    private final List<DocumentType> documents;
    private final List<WorkflowStep> workflow;
    private final int legalDeadlineWorkingDays;

    Program(Agency agency, String zh, String en, String shortZh, String shortEn, String descriptionZh,
            String descriptionEn, EstimatePeriod estimatePeriod, List<DocumentType> documents,
            List<WorkflowStep> workflow, int legalDeadlineWorkingDays) {
        this.agency = agency;
        this.name = LocalizedText.of(zh, en);
        this.shortName = LocalizedText.of(shortZh, shortEn);
        this.description = LocalizedText.of(descriptionZh, descriptionEn);
        this.estimatePeriod = estimatePeriod;
        this.documents = documents;
        this.workflow = workflow;
        this.legalDeadlineWorkingDays = legalDeadlineWorkingDays;
    }

    public Agency agency() {
        return agency;
    }

    public LocalizedText localizedName() {
        return name;
    }

    /** The name used inside sentences ("家庭符合低保条件"). */
    public LocalizedText shortName() {
        return shortName;
    }

    public LocalizedText description() {
        return description;
    }

    public EstimatePeriod estimatePeriod() {
        return estimatePeriod;
    }

    public List<DocumentType> documents() {
        return documents;
    }

    public List<WorkflowStep> workflow() {
        return workflow;
    }

    public int legalDeadlineWorkingDays() {
        return legalDeadlineWorkingDays;
    }

    /** Workflows shared by several programs; simple allowances go straight from acceptance to approval. */
    private static final class Steps {
        static final List<WorkflowStep> FULL_REVIEW =
                List.of(SUBMITTED, ACCEPTED, VERIFYING, HOME_VISIT, COMMUNITY_REVIEW, PUBLIC_NOTICE, APPROVED);
        static final List<WorkflowStep> VERIFIED_WITH_VISIT = List.of(SUBMITTED, ACCEPTED, VERIFYING, HOME_VISIT, APPROVED);
        static final List<WorkflowStep> VERIFIED = List.of(SUBMITTED, ACCEPTED, VERIFYING, APPROVED);
        static final List<WorkflowStep> SIMPLE = List.of(SUBMITTED, ACCEPTED, APPROVED);
    }
}
