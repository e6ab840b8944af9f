package io.onestop.assistance.programs.parameters;

import java.util.List;

/** Parameter files that cannot be trusted: start-up stops with every problem listed (file, version and key). */
public class InvalidParametersException extends RuntimeException {

    private final List<String> problems;

    InvalidParametersException(List<String> problems) {
        super("Invalid parameter files:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
