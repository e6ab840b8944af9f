package io.onestop.assistance.documents;

import java.util.UUID;

/** The draft or the intake a document belongs to, as the URL names it. */
public record Holder(UUID id, boolean intake) {

    public static Holder draft(UUID id) {
        return new Holder(id, false);
    }

    public static Holder intake(UUID id) {
        return new Holder(id, true);
    }

    /** The URL of a document of this holder, for Location headers. */
    public String documentPath(UUID documentId) {
        return "/api/v1/%s/%s/documents/%s".formatted(intake ? "intakes" : "drafts", id, documentId);
    }
}
