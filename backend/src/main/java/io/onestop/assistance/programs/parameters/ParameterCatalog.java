package io.onestop.assistance.programs.parameters;

import io.onestop.assistance.common.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * The parameters of every region by effective date, read from {@code parameters/} at start-up. Invalid files stop
 * start-up (see {@link ParameterFiles}), so a running service never evaluates with a half-read table.
 */
@Startup
@ApplicationScoped
public class ParameterCatalog {

    /** The index of the shipped parameter files. */
    public static final String INDEX = "parameters/regions.yaml";

    private Map<String, NavigableMap<LocalDate, ParameterSet>> regions;

    ParameterCatalog() {
        // for CDI; the files are read in load()
    }

    private ParameterCatalog(Map<String, NavigableMap<LocalDate, ParameterSet>> regions) {
        this.regions = regions;
    }

    /** A catalog of the files named by {@code indexResource}, without CDI (tests, tools). */
    public static ParameterCatalog fromClasspath(String indexResource) {
        return new ParameterCatalog(ParameterFiles.load(indexResource));
    }

    @PostConstruct
    void load() {
        regions = ParameterFiles.load(INDEX);
    }

    public Set<String> regionCodes() {
        return regions.keySet();
    }

    /**
     * The version in force in {@code regionCode} on {@code asOf}: the latest one effective on or before that date.
     *
     * @throws ProblemException 422 on {@code regionCode} for a region without parameters, and on {@code asOf} for a
     *         date before the region's first version
     */
    public ParameterSet parametersFor(String regionCode, LocalDate asOf) {
        NavigableMap<LocalDate, ParameterSet> versions = regions.get(regionCode);
        if (versions == null) {
            throw ProblemException.invalid("regionCode",
                    "no parameters for region " + regionCode + "; supported regions: "
                            + String.join(", ", regions.keySet()));
        }
        Map.Entry<LocalDate, ParameterSet> version = versions.floorEntry(asOf);
        if (version == null) {
            throw ProblemException.invalid("asOf", "must not be before " + versions.firstKey()
                    + ", when the first parameters of region " + regionCode + " took effect");
        }
        return version.getValue();
    }
}
