package io.onestop.assistance.monitoring.api;

import io.onestop.assistance.access.OwnerKeys;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.monitoring.SignalService;
import io.onestop.assistance.monitoring.SignalService.Sender;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalBatch;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalBatchResult;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Signals in: the batch API of other agencies' systems (role {@code data-exchange}; the source is the account's
 * {@code agency}) and the CSV import of the staff console (caseworkers, rows of their own region only).
 */
@Path("/api/v1/monitoring")
@Tag(name = "monitoring", description = "Dynamic monitoring: signals, warnings, invitations, direct grants, dashboard (政策找人)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not allowed for this role")
public class SignalResource {

    /** A signal file larger than this is refused before it is read: 1000 rows fit many times over. */
    static final long MAX_FILE_BYTES = 2 * 1024 * 1024;
    private static final String CSV_EXAMPLE = """
            source,signalId,type,nationalId,name,regionCode,occurredOn,amount,disabilityGrade,program
            MEDICAL_INSURANCE,YB-2026-000123,MEDICAL_BILL,140105195001011234,王秀英,140105001,2026-11-20,32000,,
            DISABLED_PERSONS_FEDERATION,CL-2026-42,DISABILITY_CERTIFICATE,140105198001011234,李强,140105001,2026-11-02,,2,""";

    @Inject
    SignalService signals;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Vertx vertx;

    @POST
    @Path("signal-batches")
    @RolesAllowed("data-exchange")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a batch of signals (idempotent per source + signalId; all or nothing)")
    @APIResponse(responseCode = "200", description = "Each signal CREATED or ALREADY_RECEIVED (then as stored before)",
            content = @Content(schema = @Schema(implementation = SignalBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid signals, each named by its index (signals[3].nationalId); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SignalBatchResult> postBatch(SignalBatch batch) {
        if (batch == null) {
            throw ProblemException.invalid("signals", "至少需要一条信号 / at least one signal is required");
        }
        return signals.receiveBatch(new Sender(OwnerKeys.subject(identity), "data-exchange", token.getClaim("agency"), null),
                batch.signals());
    }

    @POST
    @Path("signal-imports")
    @RolesAllowed("caseworker")
    @Consumes("text/csv")
    @Operation(summary = "Import a CSV file of signals (UTF-8, header row; rows of my region only; all or nothing)")
    @APIResponse(responseCode = "200", description = "Each signal CREATED or ALREADY_RECEIVED",
            content = @Content(schema = @Schema(implementation = SignalBatchResult.class)))
    @APIResponse(responseCode = "422", description = "Malformed rows, each named by its line (line 3.nationalId); nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = """
                            {"type":"urn:assistance:problem:validation","title":"Invalid request","status":422,
                             "detail":"One or more fields are invalid.",
                             "errors":[{"field":"line 3.nationalId","message":"第 3 行：身份证号无效 / not a valid 18-character national id number"}]}""")))
    public Uni<SignalBatchResult> importCsv(@Schema(example = CSV_EXAMPLE) String csv) {
        if (csv != null && csv.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
            throw ProblemException.invalid("file", "文件不能超过 2 MB / the file must be at most 2 MB");
        }
        return signals.importCsv(staff(), csv);
    }

    @POST
    @Path("signal-imports")
    @RolesAllowed("caseworker")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a CSV file of signals as an upload (field `file`); as the text/csv form")
    @APIResponse(responseCode = "200", description = "Each signal CREATED or ALREADY_RECEIVED",
            content = @Content(schema = @Schema(implementation = SignalBatchResult.class)))
    @APIResponse(responseCode = "422", description = "No file, too large, or malformed rows by line; nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SignalBatchResult> importUpload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "需要上传文件 / a file in field 'file' is required");
        }
        if (file.size() > MAX_FILE_BYTES) {
            throw ProblemException.invalid("file", "文件不能超过 2 MB / the file must be at most 2 MB");
        }
        Sender sender = staff();
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .chain(buffer -> signals.importCsv(sender, buffer.toString(StandardCharsets.UTF_8)));
    }

    private Sender staff() {
        StaffScope scope = StaffScope.of(token, identity.getRoles());
        return new Sender(OwnerKeys.subject(identity), "caseworker", null, scope);
    }
}
