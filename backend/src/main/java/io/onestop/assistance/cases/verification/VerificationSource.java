package io.onestop.assistance.cases.verification;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

/**
 * Records of other agencies about people (income, deposits, vehicles, real estate, social insurance, business
 * registration). In production each is a data-exchange interface of the province; it is called outside any database
 * transaction. Only people whose consent is on record are ever asked about.
 */
public interface VerificationSource {

    /** A short name for the result, e.g. {@code LOCAL_RECORDS}. */
    String name();

    Uni<List<AgencyRecord>> recordsOf(Collection<String> personHashes);
}
