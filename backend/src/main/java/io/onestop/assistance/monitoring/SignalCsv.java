package io.onestop.assistance.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the signal files of the staff console: comma separated, a header row, fields in double
 * quotes may hold commas, quotes ("") and line breaks. Each record remembers the line it starts on, so problems are
 * reported by the line number a spreadsheet shows.
 */
final class SignalCsv {

    /** One record: its first line number (1 = the header) and its fields. */
    record Row(int line, List<String> fields) {
    }

    private SignalCsv() {
    }

    /** The records of {@code text}, header first; blank lines are skipped. Throws IllegalArgumentException on an open quote. */
    static List<Row> parse(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a byte-order mark
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // CRLF: the \n ends the record
                }
                case '\n' -> {
                    end(rows, fields, field, any, start);
                    fields = new ArrayList<>();
                    any = false;
                    line++;
                    start = line;
                }
                default -> {
                    field.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(Integer.toString(start));
        }
        end(rows, fields, field, any, start);
        return rows;
    }

    private static void end(List<Row> rows, List<String> fields, StringBuilder field, boolean any, int line) {
        if (any) {
            fields.add(field.toString());
            rows.add(new Row(line, List.copyOf(fields)));
        }
        field.setLength(0);
    }
}
