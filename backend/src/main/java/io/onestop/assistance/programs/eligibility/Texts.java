package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Schooling;
import io.onestop.assistance.programs.SuddenEventType;
import java.util.List;

/** Wording shared by the rules: lists of program names, school levels, event types, disability grades. */
final class Texts {

    private Texts() {
    }

    /** "低保、特困供养". */
    static String zhList(List<Program> programs) {
        return String.join("、", programs.stream().map(p -> p.shortName().zh()).toList());
    }

    /** "低保、特困供养或低保边缘". */
    static String zhOr(List<Program> programs) {
        List<String> names = programs.stream().map(p -> p.shortName().zh()).toList();
        return names.size() == 1 ? names.get(0)
                : String.join("、", names.subList(0, names.size() - 1)) + "或" + names.get(names.size() - 1);
    }

    /** "minimum living allowance, special hardship support or marginal low-income status". */
    static String enList(List<Program> programs, String conjunction) {
        List<String> names = programs.stream().map(p -> p.shortName().en()).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                        + names.get(names.size() - 1);
    }

    static String zhSchool(Schooling schooling) {
        return switch (schooling) {
            case NONE -> "未在读";
            case PRESCHOOL -> "学前教育";
            case PRIMARY -> "小学";
            case JUNIOR -> "初中";
            case SENIOR -> "高中";
            case VOCATIONAL -> "中等职业学校";
            case COLLEGE -> "大学";
        };
    }

    static String enSchool(Schooling schooling) {
        return switch (schooling) {
            case NONE -> "not in school";
            case PRESCHOOL -> "preschool";
            case PRIMARY -> "primary school";
            case JUNIOR -> "junior secondary school";
            case SENIOR -> "senior secondary school";
            case VOCATIONAL -> "vocational school";
            case COLLEGE -> "college";
        };
    }

    static String zhEvent(SuddenEventType type) {
        return switch (type) {
            case ACCIDENT -> "意外事故";
            case FIRE -> "火灾";
            case DISASTER -> "自然灾害";
            case SERIOUS_ILLNESS -> "重大疾病";
            case DEATH_OF_EARNER -> "家庭主要劳动力死亡";
            case JOB_LOSS -> "失业";
        };
    }

    static String enEvent(SuddenEventType type) {
        return switch (type) {
            case ACCIDENT -> "the accident";
            case FIRE -> "the fire";
            case DISASTER -> "the disaster";
            case SERIOUS_ILLNESS -> "the serious illness";
            case DEATH_OF_EARNER -> "the death of the earner";
            case JOB_LOSS -> "the job loss";
        };
    }

    /** "一级" to "四级". */
    static String zhGrade(int grade) {
        return switch (grade) {
            case 1 -> "一级";
            case 2 -> "二级";
            case 3 -> "三级";
            default -> "四级";
        };
    }
}
