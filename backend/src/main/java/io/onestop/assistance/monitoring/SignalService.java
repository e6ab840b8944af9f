package io.onestop.assistance.monitoring;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalBatchResult;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalReceipt;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalRequest;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Receives signals: a batch by API from another agency's system ({@code data-exchange}), or a CSV file a caseworker
 * imports in the staff console. Every signal is checked first and problems are reported all at once (the batch index
 * or the file's line number); only a batch without problems is stored, in one transaction, so a file is never half
 * imported. Storing is idempotent per source + signal id: a signal already received is answered as it was stored and
 * changes nothing. The warning rules run over every signal of the batch in the same transaction.
 */
@ApplicationScoped
public class SignalService {

    /** Who sends a batch: the token subject and role, the source agency, and for staff their scope. */
    public record Sender(String subject, String role, String source, StaffScope scope) {
    }

    /** The CSV columns, by header name (any order; the last three only where the type needs them). */
    static final List<String> COLUMNS = List.of("source", "signalId", "type", "nationalId", "name", "regionCode",
            "occurredOn", "amount", "disabilityGrade", "program");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A checked signal and where it came from (for messages). */
    private record Incoming(String source, SignalRequest request, String nationalId) {
    }

    private final WarningService warnings;
    private final ParameterCatalog parameters;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final MonitoringConfig config;
    private final Clock clock;

    public SignalService(WarningService warnings, ParameterCatalog parameters, PersonalDataProtector protector,
            AuditLog audit, MonitoringConfig config, Clock clock) {
        this.warnings = warnings;
        this.parameters = parameters;
        this.protector = protector;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A batch from an agency's system: the source is the account's agency, never a field of the body. */
    public Uni<SignalBatchResult> receiveBatch(Sender sender, List<SignalRequest> signals) {
        if (sender.source() == null || sender.source().isBlank()) {
            throw ProblemException.invalid("source",
                    "此数据交换账号未配置所属部门 / this data-exchange account has no agency; ask the administrator to set one");
        }
        if (signals == null || signals.isEmpty()) {
            throw ProblemException.invalid("signals", "至少需要一条信号 / at least one signal is required");
        }
        checkSize(signals.size(), "signals");
        List<FieldProblem> problems = new ArrayList<>();
        List<Incoming> incoming = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalRequest signal = signals.get(i);
            String at = "signals[" + i + "].";
            if (signal == null) {
                problems.add(new FieldProblem("signals[" + i + "]", "不能为空 / must not be null"));
                continue;
            }
            incoming.add(new Incoming(sender.source(), signal, check(signal, at, null, problems)));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return store(sender, "API", incoming);
    }

    /** A CSV file imported by a caseworker: every row must lie in the caseworker's region. */
    public Uni<SignalBatchResult> importCsv(Sender sender, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("file", "文件为空 / the file is empty");
        }
        List<SignalCsv.Row> rows;
        try {
            rows = SignalCsv.parse(text);
        } catch (IllegalArgumentException openQuote) {
            throw ProblemException.invalid("line " + openQuote.getMessage(),
                    "第 " + openQuote.getMessage() + " 行的引号没有闭合 / a quoted field starting on this line is never closed");
        }
        if (rows.size() < 2) {
            throw ProblemException.invalid("file", "文件需要表头和至少一行数据 / the file needs a header row and at least one signal");
        }
        checkSize(rows.size() - 1, "file");
        Map<String, Integer> header = new HashMap<>();
        List<String> names = rows.get(0).fields();
        for (int i = 0; i < names.size(); i++) {
            header.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String column : COLUMNS.subList(0, 7)) {
            if (!header.containsKey(column.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("line 1." + column, "表头缺少列 " + column + " / the header has no column " + column));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<Incoming> incoming = new ArrayList<>();
        for (SignalCsv.Row row : rows.subList(1, rows.size())) {
            String at = "line " + row.line() + ".";
            if (row.fields().size() != names.size()) {
                problems.add(new FieldProblem("line " + row.line(), "第 " + row.line() + " 行有 " + row.fields().size()
                        + " 列，表头有 " + names.size() + " 列 / the row has " + row.fields().size()
                        + " fields, the header " + names.size()));
                continue;
            }
            SignalRequest signal = fromRow(row, header, at, problems);
            String source = cell(row, header, "source");
            if (source == null || !source.matches("[A-Z][A-Z0-9_]{1,39}")) {
                problems.add(new FieldProblem(at + "source", "第 " + row.line()
                        + " 行：来源部门应为大写代码，如 MEDICAL_INSURANCE / the source must be an UPPER_SNAKE agency code"));
            }
            if (signal == null) {
                continue;
            }
            String nationalId = check(signal, at, sender.scope(), problems);
            incoming.add(new Incoming(source, signal, nationalId));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return store(sender, "CSV", incoming);
    }

    private void checkSize(int size, String field) {
        if (size > config.maxBatchSize()) {
            throw ProblemException.invalid(field, "一次最多 " + config.maxBatchSize() + " 条 / at most "
                    + config.maxBatchSize() + " signals at once; split the batch");
        }
    }

    private static SignalRequest fromRow(SignalCsv.Row row, Map<String, Integer> header, String at, List<FieldProblem> problems) {
        int before = problems.size();
        SignalType type = parseEnum(SignalType.class, cell(row, header, "type"), at + "type", row.line(), problems);
        LocalDate occurredOn = null;
        String date = cell(row, header, "occurredOn");
        if (date != null) {
            try {
                occurredOn = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(at + "occurredOn", "第 " + row.line() + " 行：日期格式应为 2026-11-20 / must be a date like 2026-11-20"));
            }
        }
        BigDecimal amount = null;
        String money = cell(row, header, "amount");
        if (money != null) {
            try {
                amount = new BigDecimal(money);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(at + "amount", "第 " + row.line() + " 行：金额应为数字 / must be a number of yuan"));
            }
        }
        Integer grade = null;
        String gradeText = cell(row, header, "disabilityGrade");
        if (gradeText != null) {
            try {
                grade = Integer.valueOf(gradeText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(at + "disabilityGrade", "第 " + row.line() + " 行：残疾等级应为 1-4 / must be 1 to 4"));
            }
        }
        Program program = parseEnum(Program.class, cell(row, header, "program"), at + "program", row.line(), problems);
        if (problems.size() > before) {
            return null;
        }
        return new SignalRequest(cell(row, header, "signalId"), type, cell(row, header, "nationalId"),
                cell(row, header, "name"), cell(row, header, "regionCode"), occurredOn, amount, grade, program);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> kind, String value, String field, int line, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(kind, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "第 " + line + " 行：不认识的代码 / unknown code"));
            return null;
        }
    }

    private static String cell(SignalCsv.Row row, Map<String, Integer> header, String column) {
        Integer index = header.get(column.toLowerCase(Locale.ROOT));
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Checks one signal and answers its national id normalized; problems are added with {@code at} in front of the
     * field (never the value: it may be a national id). {@code scope} null: any region (an agency's system).
     */
    private String check(SignalRequest signal, String at, StaffScope scope, List<FieldProblem> problems) {
        String where = at.startsWith("line ") ? "第 " + at.substring(5, at.length() - 1) + " 行：" : "";
        if (signal.signalId() == null || signal.signalId().isBlank() || signal.signalId().strip().length() > 100) {
            problems.add(new FieldProblem(at + "signalId", where + "需要信号编号（最多 100 个字符） / a signal id of at most 100 characters is required"));
        }
        if (signal.type() == null) {
            problems.add(new FieldProblem(at + "type", where + "需要信号类型 / a type is required: " + java.util.Arrays.toString(SignalType.values())));
        }
        String nationalId = NationalId.normalize(signal.nationalId());
        if (!NationalId.isValid(nationalId)) {
            problems.add(new FieldProblem(at + "nationalId", where + "身份证号无效 / not a valid 18-character national id number"));
        }
        if (signal.name() == null || signal.name().isBlank() || signal.name().strip().length() > 50) {
            problems.add(new FieldProblem(at + "name", where + "需要姓名 / the name as on the id card is required"));
        }
        String region = signal.regionCode();
        if (region == null || !region.matches("\\d{6}(\\d{3}){0,2}")) {
            problems.add(new FieldProblem(at + "regionCode", where + "行政区划代码应为 6、9 或 12 位 / must be a 6, 9 or 12 digit region code"));
        } else if (!parameters.regionCodes().contains(region.substring(0, 6))) {
            problems.add(new FieldProblem(at + "regionCode", where + "该地区尚未开通 / no region with parameters: "
                    + String.join(", ", parameters.regionCodes())));
        } else if (scope != null && !scope.covers(config.agency(), region)) {
            problems.add(new FieldProblem(at + "regionCode", where + "不在您负责的地区 / outside your region"));
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (signal.occurredOn() == null) {
            problems.add(new FieldProblem(at + "occurredOn", where + "需要发生日期 / the date it happened is required"));
        } else if (signal.occurredOn().isAfter(today)) {
            problems.add(new FieldProblem(at + "occurredOn", where + "日期不能晚于今天 / must not be after today"));
        }
        if (signal.amount() != null && (signal.amount().signum() < 0 || signal.amount().scale() > 2
                || signal.amount().compareTo(new BigDecimal("9999999999")) > 0)) {
            problems.add(new FieldProblem(at + "amount", where + "金额应为不小于 0 的元数，最多两位小数 / must be yuan, at least 0, at most two decimals"));
        }
        if (signal.type() == SignalType.MEDICAL_BILL && signal.amount() == null) {
            problems.add(new FieldProblem(at + "amount", where + "医疗费用信号需要金额 / a medical bill needs its amount"));
        }
        if (signal.type() == SignalType.DISABILITY_CERTIFICATE
                && (signal.disabilityGrade() == null || signal.disabilityGrade() < 1 || signal.disabilityGrade() > 4)) {
            problems.add(new FieldProblem(at + "disabilityGrade", where + "残疾等级应为 1-4 / a disability grade from 1 to 4 is required"));
        }
        if (signal.type() == SignalType.PROGRAM_ENDED && signal.program() == null) {
            problems.add(new FieldProblem(at + "program", where + "需要到期的救助项目 / the program that ends is required"));
        }
        return nationalId;
    }

    private Uni<SignalBatchResult> store(Sender sender, String via, List<Incoming> incoming) {
        UUID batchId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            List<SignalReceipt> receipts = new ArrayList<>();
            int[] counts = new int[3]; // created, already received, warnings raised
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Incoming signal : incoming) {
                chain = chain.chain(() -> storeOne(session, sender, via, batchId, now, signal)
                        .chain(stored -> warnings.evaluate(session, stored.signal()).invoke(raised -> {
                            counts[stored.created() ? 0 : 1]++;
                            counts[2] += raised;
                            receipts.add(receipt(stored));
                        })).replaceWithVoid());
            }
            return chain
                    .call(() -> audit.record(session, new AuditLog.Entry(sender.subject(), sender.role(),
                            "MONITORING_SIGNALS_RECEIVE", "SIGNAL_BATCH", batchId.toString(), "OK",
                            via + " " + incoming.get(0).source() + " created=" + counts[0] + " already=" + counts[1])))
                    .map(ignored -> new SignalBatchResult(sender.source() != null && "API".equals(via) ? sender.source()
                            : null, counts[0], counts[1], counts[2], List.copyOf(receipts)));
        }));
    }

    private record Stored(Signal signal, boolean created) {
    }

    private Uni<Stored> storeOne(Mutiny.Session session, Sender sender, String via, UUID batchId, OffsetDateTime now,
            Incoming incoming) {
        SignalRequest request = incoming.request();
        Signal signal = new Signal();
        signal.id = UUID.randomUUID();
        signal.source = incoming.source();
        signal.signalKey = request.signalId().strip();
        signal.type = request.type();
        signal.nationalIdEncrypted = protector.encrypt(incoming.nationalId());
        signal.nationalIdHash = protector.lookupHash(incoming.nationalId());
        signal.personName = request.name().strip();
        signal.regionCode = request.regionCode();
        signal.occurredOn = request.occurredOn();
        signal.amount = request.amount();
        signal.disabilityGrade = request.disabilityGrade();
        signal.program = request.program() == null ? null : request.program().name();
        signal.batchId = batchId;
        signal.receivedVia = via;
        signal.receivedBy = sender.subject();
        signal.receivedAt = now;
        // insert-if-absent in one statement: two posts of the same signal at once cannot both store it
        return session.createNativeQuery("""
                        insert into monitoring_signal (id, source, signal_key, type, national_id_enc, national_id_hash,
                          person_name, region_code, occurred_on, amount, disability_grade, program, batch_id,
                          received_via, received_by, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                        on conflict (source, signal_key) do nothing""")
                .setParameter(1, signal.id).setParameter(2, signal.source).setParameter(3, signal.signalKey)
                .setParameter(4, signal.type.name()).setParameter(5, signal.nationalIdEncrypted)
                .setParameter(6, signal.nationalIdHash).setParameter(7, signal.personName)
                .setParameter(8, signal.regionCode).setParameter(9, signal.occurredOn).setParameter(10, signal.amount)
                .setParameter(11, signal.disabilityGrade).setParameter(12, signal.program).setParameter(13, batchId)
                .setParameter(14, via).setParameter(15, signal.receivedBy).setParameter(16, now)
                .executeUpdate()
                .chain(inserted -> session.createQuery("from Signal where source = ?1 and signalKey = ?2", Signal.class)
                        .setParameter(1, signal.source).setParameter(2, signal.signalKey).getSingleResult()
                        .map(stored -> new Stored(stored, inserted == 1)));
    }

    private SignalReceipt receipt(Stored stored) {
        Signal s = stored.signal();
        return new SignalReceipt(s.signalKey, s.id, stored.created() ? "CREATED" : "ALREADY_RECEIVED", s.type, s.regionCode,
                NationalId.mask(protector.decrypt(s.nationalIdEncrypted)), s.receivedAt);
    }
}
