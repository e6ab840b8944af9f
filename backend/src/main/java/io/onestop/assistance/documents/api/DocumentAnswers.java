package io.onestop.assistance.documents.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.documents.Caller;
import io.onestop.assistance.documents.DocumentsConfig;
import io.onestop.assistance.documents.DocumentService.Stored;
import io.onestop.assistance.programs.DocumentType;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** HTTP mapping shared by the draft and intake document resources. */
final class DocumentAnswers {

    static final String UPLOAD_DOC = "multipart/form-data as wx.uploadFile sends it: the file in field `file`, "
            + "`type` (a document type code) and optional `memberId` as form fields. No Idempotency-Key needed: the "
            + "same bytes sent again answer the first document (200).";

    private DocumentAnswers() {
    }

    static Caller caller(JsonWebToken token, SecurityIdentity identity) {
        return new Caller(OwnerKeys.of(identity), OwnerKeys.residentId(identity), StaffScope.of(token, identity.getRoles()));
    }

    /** 201 for a new document, 200 when the same bytes were already there; Location names it either way. */
    static Response stored(Stored stored) {
        return (stored.created() ? Response.created(URI.create(stored.location()))
                : Response.ok().location(URI.create(stored.location()))).entity(stored.document()).build();
    }

    static DocumentType type(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("type", "must name the document type, e.g. ID_CARD");
        }
        try {
            return DocumentType.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "must be one of " + Arrays.toString(DocumentType.values()));
        }
    }

    /**
     * Receives the streamed form, validates its fields, stores the document with {@code store} and answers it; the
     * received file is deleted whatever the outcome.
     */
    static Uni<Response> upload(HttpServerRequest request, Vertx vertx, DocumentsConfig config, Store store) {
        return StreamedUpload.receive(request, vertx, config.maxSizeBytes())
                .chain(received -> Uni.createFrom()
                        .deferred(() -> store.store(type(received.type()), memberId(received.memberId()), received.file()))
                        .eventually(() -> StreamedUpload.delete(vertx, received)))
                .map(DocumentAnswers::stored);
    }

    /** Stores a received file as a document of this type and member. */
    interface Store {
        Uni<Stored> store(DocumentType type, String memberId, Path file);
    }

    static String memberId(String memberId) {
        if (memberId != null && memberId.strip().length() > 40) {
            throw ProblemException.invalid("memberId", "must be at most 40 characters");
        }
        return memberId;
    }
}
