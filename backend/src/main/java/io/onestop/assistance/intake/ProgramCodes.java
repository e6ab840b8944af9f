package io.onestop.assistance.intake;

import io.onestop.assistance.programs.Program;
import java.util.Arrays;
import java.util.List;

/** The resident's kept programs as a text[] column; null means "all I may qualify for". */
final class ProgramCodes {

    private ProgramCodes() {
    }

    static String[] toColumn(List<Program> programs) {
        return programs == null ? null : programs.stream().map(Program::name).toArray(String[]::new);
    }

    static List<Program> fromColumn(String[] codes) {
        return codes == null ? null : Arrays.stream(codes).map(Program::valueOf).toList();
    }
}
