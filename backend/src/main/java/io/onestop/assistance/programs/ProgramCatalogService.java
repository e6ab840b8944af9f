package io.onestop.assistance.programs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The program catalog for other contexts and the public catalog endpoint. */
@ApplicationScoped
public class ProgramCatalogService {

    /** All 13 programs in the order of the rule book. */
    public List<Program> programs() {
        return List.of(Program.values());
    }

    /** One checklist for several programs: each document type once, in the order programs first ask for it. */
    public Set<DocumentType> documentsFor(Collection<Program> programs) {
        Set<DocumentType> documents = new LinkedHashSet<>();
        programs.stream().sorted().forEach(p -> documents.addAll(p.documents()));
        return documents;
    }
}
