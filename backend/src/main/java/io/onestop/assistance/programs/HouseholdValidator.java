package io.onestop.assistance.programs;

import io.onestop.assistance.common.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a household can be evaluated. First its shape (the Bean Validation annotations of the records),
 * then what no single field can say: one APPLICANT, unique member ids, no date after {@code asOf}. Each problem is
 * named by its JSON path, e.g. {@code members[0].birthDate}.
 */
final class HouseholdValidator {

    /** Beyond any living person: a birth date this far back is a typing error. */
    static final int MAX_AGE = 130;

    private final Validator validator;

    HouseholdValidator(Validator validator) {
        this.validator = validator;
    }

    /** The problems of a household whose {@code asOf} is already resolved; empty when it can be evaluated. */
    List<FieldProblem> problems(Household household) {
        List<FieldProblem> shape = shape(household);
        return shape.isEmpty() ? consistency(household) : shape;
    }

    private List<FieldProblem> shape(Household household) {
        Set<FieldProblem> problems = new LinkedHashSet<>();
        for (ConstraintViolation<Household> violation : validator.validate(household)) {
            problems.add(new FieldProblem(path(violation), violation.getMessage()));
        }
        return problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }

    private static List<FieldProblem> consistency(Household household) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate asOf = household.asOf();
        List<HouseholdMember> members = household.members();
        int applicants = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdMember member = members.get(i);
            String at = "members[" + i + "]";
            if (member.relationship() == Relationship.APPLICANT && ++applicants > 1) {
                problems.add(new FieldProblem(at + ".relationship", "only one member can be the APPLICANT"));
            }
            if (!ids.add(member.id())) {
                problems.add(new FieldProblem(at + ".id", "duplicate member id '" + member.id() + "'"));
            }
            if (member.birthDate().isAfter(asOf)) {
                problems.add(new FieldProblem(at + ".birthDate", "must not be after asOf (" + asOf + ")"));
            } else if (member.birthDate().isBefore(asOf.minusYears(MAX_AGE))) {
                problems.add(new FieldProblem(at + ".birthDate", "must be less than " + MAX_AGE + " years before asOf"));
            }
        }
        if (applicants == 0) {
            problems.add(new FieldProblem("members", "exactly one member must be the APPLICANT"));
        }
        SuddenEvent event = household.suddenEvent();
        if (event != null && event.date().isAfter(asOf)) {
            problems.add(new FieldProblem("suddenEvent.date", "must not be after asOf (" + asOf + ")"));
        }
        return problems;
    }

    /** "members[0].birthDate"; container-element nodes of {@code List<@NotNull ...>} add nothing to the path. */
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }
}
