package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onestop.assistance.miniprogram.backend.BackendException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Uploads as {@code wx.uploadFile} sends them (one file in field {@code file}, form fields beside it) relayed to
 * backend, and answered the way {@code wx.uploadFile} hands answers over: as text, the envelope written out.
 */
@ApplicationScoped
public class WxUploads {

    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=UTF-8";
    static final String DOC = "Upload one document exactly as wx.uploadFile sends it: the file in field `file` "
            + "(name: 'file'), formData {type, memberId}; at most 20 MB; JPEG/PNG/WebP/HEIC/PDF by content. The "
            + "answer is the envelope as a string (wx.uploadFile hands it over as text: JSON.parse it)";
    static final String ANSWERS = "errcode 0 with the stored document (the same bytes again answer the same "
            + "document); 40001 no file, unknown type, too large or refused content (reason in errmsg); 40004 no "
            + "such draft or intake; 40009 too many documents, the same bytes as another type, or the application "
            + "is closed";
    static final String EXAMPLE = """
            {"errcode":0,"errmsg":"ok","data":{"id":"7d1e...","type":"ID_CARD","memberId":"m1",\
            "contentType":"image/jpeg","size":48213,"status":"STORED"}}""";

    private final ObjectMapper json;

    WxUploads(ObjectMapper json) {
        this.json = json;
    }

    /** Relays what arrived, and only that: backend names a missing file or type itself, so its rules stay in one place. */
    public Uni<String> relay(FileUpload file, String type, String memberId,
            Function<ClientMultipartForm, Uni<JsonNode>> send) {
        ClientMultipartForm form = ClientMultipartForm.create();
        if (file != null && file.uploadedFile() != null) {
            form.binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(),
                    file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : file.contentType());
        }
        if (type != null) {
            form.attribute("type", type, null);
        }
        if (memberId != null) {
            form.attribute("memberId", memberId, null);
        }
        return send.apply(form)
                .<Envelope<?>>map(Envelope::ok)
                // A refused token still answers 401 (EnvelopeMapper); every other failure is an envelope as text.
                .onFailure(failure -> !(failure instanceof BackendException backend && backend.status() == 401))
                .recoverWithItem(failure -> EnvelopeMapper.envelopeOf(failure))
                .map(this::text);
    }

    private String text(Envelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
