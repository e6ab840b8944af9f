package io.onestop.assistance.programs.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onestop.assistance.programs.Hukou;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Schooling;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the versioned parameter files: an index ({@code regions: ["140105", ...]}) names the regions, because a
 * classpath directory cannot be listed reliably inside a jar, and each region has {@code <code>.yaml} beside the
 * index. Every version must carry every key of {@link #KEYS}, with a number that is not negative; a missing, unknown,
 * non-numeric or negative value is reported with its file, version and key, and nothing is loaded.
 */
final class ParameterFiles {

    /** YAML keys of a version whose values are not parameters. */
    private static final String EFFECTIVE_FROM = "effectiveFrom";
    private static final String SOURCE = "source";
    private static final Set<String> FILE_KEYS = Set.of("regionCode", "name", "versions");

    /** The status keys of {@code medicalRatio} and the program that gives each status. */
    private record MedicalStatus(String key, Program program) {
    }

    private static final List<MedicalStatus> MEDICAL_STATUSES = List.of(
            new MedicalStatus("SPECIAL_HARDSHIP", Program.SPECIAL_HARDSHIP),
            new MedicalStatus("MLA", Program.MINIMUM_LIVING_ALLOWANCE),
            new MedicalStatus("MARGINAL", Program.MARGINAL_LOW_INCOME),
            new MedicalStatus("RIGID", Program.RIGID_EXPENDITURE));
    private static final List<Schooling> STUDENT_LEVELS =
            List.of(Schooling.PRIMARY, Schooling.JUNIOR, Schooling.SENIOR, Schooling.VOCATIONAL, Schooling.COLLEGE);
    private static final List<Integer> OLD_AGE_BANDS = List.of(80, 90, 100);

    /** Every parameter key of programs-spec.md, nested keys joined with a dot. */
    static final Set<String> KEYS = keys();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ParameterFiles() {
    }

    /** All versions of every region named by the index, by region code and effective date. */
    static Map<String, NavigableMap<LocalDate, ParameterSet>> load(String indexResource) {
        List<String> problems = new ArrayList<>();
        Map<String, NavigableMap<LocalDate, ParameterSet>> regions = new LinkedHashMap<>();
        JsonNode index = read(indexResource, problems);
        if (index == null) {
            throw new InvalidParametersException(problems);
        }
        JsonNode codes = index.get("regions");
        if (codes == null || !codes.isArray() || codes.isEmpty()) {
            problems.add(indexResource + ": needs a non-empty list 'regions' of region codes");
        } else {
            String directory = indexResource.contains("/")
                    ? indexResource.substring(0, indexResource.lastIndexOf('/') + 1) : "";
            for (JsonNode code : codes) {
                String region = code.asText();
                String file = directory + region + ".yaml";
                if (regions.containsKey(region)) {
                    problems.add(indexResource + ": region " + region + " is listed twice");
                    continue;
                }
                JsonNode root = read(file, problems);
                if (root != null) {
                    regions.put(region, region(file, region, root, problems));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return regions;
    }

    private static NavigableMap<LocalDate, ParameterSet> region(String file, String region, JsonNode root,
            List<String> problems) {
        NavigableMap<LocalDate, ParameterSet> versions = new TreeMap<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!FILE_KEYS.contains(key)) {
                problems.add(file + ": unknown key '" + key + "'");
            }
        });
        if (!region.equals(root.path("regionCode").asText())) {
            problems.add(file + ": regionCode must be \"" + region + "\" (the name of the file), is '"
                    + root.path("regionCode").asText() + "'");
        }
        JsonNode list = root.get("versions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(file + ": needs a non-empty list 'versions'");
            return versions;
        }
        int position = 0;
        for (JsonNode version : list) {
            position++;
            LocalDate effectiveFrom = effectiveFrom(file, position, version, problems);
            if (effectiveFrom == null) {
                continue;
            }
            String where = file + ", version " + effectiveFrom;
            if (versions.containsKey(effectiveFrom)) {
                problems.add(where + ": two versions take effect on the same day");
                continue;
            }
            ParameterSet set = parameters(where, region, effectiveFrom, version, problems);
            if (set != null) {
                versions.put(effectiveFrom, set);
            }
        }
        return versions;
    }

    private static LocalDate effectiveFrom(String file, int position, JsonNode version, List<String> problems) {
        String where = file + ", version #" + position;
        if (!version.isObject()) {
            problems.add(where + ": must be a map of parameters");
            return null;
        }
        JsonNode date = version.get(EFFECTIVE_FROM);
        if (date == null || !date.isTextual()) {
            problems.add(where + ": missing " + EFFECTIVE_FROM + " (yyyy-mm-dd)");
            return null;
        }
        try {
            return LocalDate.parse(date.asText());
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + EFFECTIVE_FROM + " '" + date.asText() + "' is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    /** The parameters of one version, or null (with problems added) when any key is missing or invalid. */
    private static ParameterSet parameters(String where, String region, LocalDate effectiveFrom, JsonNode version,
            List<String> problems) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", version, leaves);
        leaves.remove(EFFECTIVE_FROM);
        leaves.remove(SOURCE);
        int before = problems.size();
        for (String key : leaves.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(where + ": unknown parameter '" + key + "'");
            }
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            JsonNode value = leaves.get(key);
            if (value == null || value.isNull()) {
                problems.add(where + ": missing parameter '" + key + "'");
            } else if (!value.isNumber()) {
                problems.add(where + ": parameter '" + key + "' must be a number, is '" + value.asText() + "'");
            } else if (value.decimalValue().signum() < 0) {
                problems.add(where + ": parameter '" + key + "' must not be negative, is " + value.decimalValue());
            } else {
                values.put(key, value.decimalValue());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        for (MedicalStatus status : MEDICAL_STATUSES) {
            if (values.get("medicalRatio." + status.key()).compareTo(BigDecimal.ONE) > 0) {
                problems.add(where + ": parameter 'medicalRatio." + status.key() + "' is a share and must be at most 1");
            }
        }
        BigDecimal retirementAge = values.get("retirementAge");
        if (retirementAge.stripTrailingZeros().scale() > 0) {
            problems.add(where + ": parameter 'retirementAge' must be a whole number of years");
        }
        if (problems.size() > before) {
            return null;
        }
        return build(region, effectiveFrom, values, retirementAge.intValue());
    }

    private static ParameterSet build(String region, LocalDate effectiveFrom, Map<String, BigDecimal> v,
            int retirementAge) {
        Map<Hukou, BigDecimal> mla = new EnumMap<>(Hukou.class);
        for (Hukou hukou : Hukou.values()) {
            mla.put(hukou, v.get("mlaStandard." + hukou));
        }
        Map<CareLevel, BigDecimal> care = new EnumMap<>(CareLevel.class);
        for (CareLevel level : CareLevel.values()) {
            care.put(level, v.get("careAllowance." + level));
        }
        Map<Program, BigDecimal> medical = new EnumMap<>(Program.class);
        for (MedicalStatus status : MEDICAL_STATUSES) {
            medical.put(status.program(), v.get("medicalRatio." + status.key()));
        }
        Map<Schooling, BigDecimal> education = new EnumMap<>(Schooling.class);
        for (Schooling level : STUDENT_LEVELS) {
            education.put(level, v.get("education." + level));
        }
        NavigableMap<Integer, BigDecimal> oldAge = new TreeMap<>();
        for (int band : OLD_AGE_BANDS) {
            oldAge.put(band, v.get("oldAge." + band));
        }
        return new ParameterSet(region, effectiveFrom, Map.copyOf(mla), v.get("employmentDeduction"),
                v.get("assetMonths"), v.get("marginalMultiplier"), v.get("minimumWage"),
                v.get("disposableIncomePerCapitaMonthly"), v.get("specialHardshipMultiplier"), Map.copyOf(care),
                v.get("temporaryCapMonths"), Map.copyOf(medical), v.get("medicalAnnualCap"), Map.copyOf(education),
                v.get("disabilityLivingAllowance"), v.get("severeDisabilityCareAllowance"), v.get("childSubsidy.FAMILY"),
                v.get("childSubsidy.INSTITUTION"), Collections.unmodifiableNavigableMap(oldAge),
                retirementAge);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                flatten(key + ".", field.getValue(), leaves);
            } else {
                leaves.put(key, field.getValue());
            }
        }
    }

    private static JsonNode read(String resource, List<String> problems) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ParameterFiles.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                problems.add(resource + ": not found on the classpath");
                return null;
            }
            JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                problems.add(resource + ": must be a YAML map");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            problems.add(resource + ": not valid YAML (" + e.getOriginalMessage() + ")");
            return null;
        } catch (IOException e) {
            problems.add(resource + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Hukou hukou : Hukou.values()) {
            keys.add("mlaStandard." + hukou);
        }
        keys.addAll(List.of("employmentDeduction", "assetMonths", "marginalMultiplier", "minimumWage",
                "disposableIncomePerCapitaMonthly", "specialHardshipMultiplier"));
        for (CareLevel level : CareLevel.values()) {
            keys.add("careAllowance." + level);
        }
        keys.add("temporaryCapMonths");
        for (MedicalStatus status : MEDICAL_STATUSES) {
            keys.add("medicalRatio." + status.key());
        }
        keys.add("medicalAnnualCap");
        for (Schooling level : STUDENT_LEVELS) {
            keys.add("education." + level);
        }
        keys.addAll(List.of("disabilityLivingAllowance", "severeDisabilityCareAllowance", "childSubsidy.FAMILY",
                "childSubsidy.INSTITUTION"));
        for (int band : OLD_AGE_BANDS) {
            keys.add("oldAge." + band);
        }
        keys.add("retirementAge");
        return Collections.unmodifiableSet(keys);
    }
}
