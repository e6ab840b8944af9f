package io.onestop.assistance.documents.api;

import io.onestop.assistance.common.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/**
 * Reads a document upload (multipart/form-data as wx.uploadFile and browsers send it: the file in the part
 * {@code file}, the fields {@code type} and {@code memberId}) straight from the connection: the file part is written
 * to a temporary file as it arrives, with backpressure, on the request's event loop without blocking it (Vert.x file
 * writes); nothing else of the body is kept. Quarkus REST leaves the body alone because the resource method takes no
 * form parameter, and holds the request paused until this reader resumes it.
 */
final class StreamedUpload {

    /** The received form: the file (a temporary file the caller deletes), its size, and the fields. */
    record Received(Path file, long size, String type, String memberId) {
    }

    /** Fields of the form are short; `type` and `memberId` are a few dozen characters (as the HTTP limit before). */
    private static final int MAX_FIELD_BYTES = 4 * 1024;

    /** Bytes of the file written at once; with the write queue's limit, what one upload holds in memory at most. */
    private static final int WRITE_SIZE = 256 * 1024;

    private final HttpServerRequest request;
    private Buffer pendingWrite = Buffer.buffer(WRITE_SIZE + 64 * 1024);
    private final Vertx vertx;
    private final long maxSizeBytes;
    private final Promise<Received> result = Promise.promise();
    private AsyncFile target;
    private String targetPath;
    private MultipartStream parser;
    private boolean fileSeen;
    private boolean fileComplete;
    private long size;
    private String type;
    private String memberId;
    /** The first thing wrong with the body; the rest of the body is read and dropped, then this is the answer. */
    private ProblemException refusal;

    private StreamedUpload(HttpServerRequest request, Vertx vertx, long maxSizeBytes) {
        this.request = request;
        this.vertx = vertx;
        this.maxSizeBytes = maxSizeBytes;
    }

    /**
     * Receives the form; fails with a 4xx {@link ProblemException} for a body that is not a complete form with a file
     * of at most {@code maxSizeBytes}, after reading the whole body so the client gets the answer.
     */
    static Uni<Received> receive(HttpServerRequest request, Vertx vertx, long maxSizeBytes) {
        return Uni.createFrom().completionStage(() -> new StreamedUpload(request, vertx, maxSizeBytes).start()
                .toCompletionStage());
    }

    private Future<Received> start() {
        String boundary = MultipartStream.boundary(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (boundary == null) {
            return Future.failedFuture(ProblemException.invalid("file",
                    "send multipart/form-data with a boundary, the document in the form field `file`"));
        }
        parser = new MultipartStream(boundary, MAX_FIELD_BYTES, new MultipartStream.Listener() {
            @Override
            public void field(String name, String value) {
                if (name.equals("type")) {
                    type = value;
                } else if (name.equals("memberId")) {
                    memberId = value;
                }
            }

            @Override
            public boolean fileStart(String name, String filename, String contentType) {
                if (!name.equals("file") || fileSeen) {
                    return false; // another file part is not ours to keep
                }
                fileSeen = true;
                return true;
            }

            @Override
            public void fileData(byte[] bytes, int offset, int length) {
                size += length;
                if (size > maxSizeBytes) {
                    refuse(tooLarge());
                    return;
                }
                // gathered into writes of WRITE_SIZE: each write is a hop to a Vert.x worker thread, and the network
                // hands over 8-64 KB at a time
                pendingWrite.appendBytes(bytes, offset, length);
                if (pendingWrite.length() >= WRITE_SIZE) {
                    flush();
                }
            }

            @Override
            public void fileEnd() {
                flush();
                fileComplete = true;
            }
        });
        return vertx.fileSystem().createTempFile("upload-", ".part")
                .compose(path -> {
                    targetPath = path;
                    return vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setCreate(false));
                })
                .compose(file -> {
                    target = file;
                    request.handler(this::chunk);
                    request.exceptionHandler(this::broken);
                    request.endHandler(ignored -> ended());
                    // curl and others wait (a second, for curl) for this before they send a large body
                    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                        request.response().writeContinue();
                    }
                    request.resume();
                    return result.future();
                })
                .recover(failure -> removeFile().transform(ignored -> Future.failedFuture(failure)));
    }

    private void flush() {
        if (pendingWrite.length() == 0 || refusal != null) {
            return;
        }
        target.write(pendingWrite);
        pendingWrite = Buffer.buffer(WRITE_SIZE + 64 * 1024);
        if (target.writeQueueFull()) {
            request.pause();
            target.drainHandler(ignored -> request.resume());
        }
    }

    private void chunk(Buffer chunk) {
        if (refusal != null || parser.done()) {
            return; // drained: the answer is the refusal, or the epilogue after the last part
        }
        try {
            byte[] bytes = chunk.getBytes();
            parser.feed(bytes, 0, bytes.length);
        } catch (MultipartStream.MalformedException e) {
            refuse(malformed(e.getMessage()));
        }
    }

    private void ended() {
        if (refusal == null) {
            try {
                parser.end();
            } catch (MultipartStream.MalformedException e) {
                refuse(malformed(e.getMessage()));
            }
        }
        if (refusal == null && !fileComplete) {
            refuse(ProblemException.invalid("file", "attach the document in the form field `file`"));
        }
        target.close().onComplete(closed -> {
            if (refusal != null) {
                result.tryFail(refusal);
            } else if (closed.failed()) {
                result.tryFail(closed.cause());
            } else {
                result.tryComplete(new Received(Path.of(targetPath), size, type, memberId));
            }
        });
    }

    /** The connection broke before the body ended: nobody is left to answer, the file goes. */
    private void broken(Throwable failure) {
        target.close();
        result.tryFail(failure);
    }

    private void refuse(ProblemException problem) {
        if (refusal == null) {
            refusal = problem;
        }
    }

    private Future<Void> removeFile() {
        if (targetPath == null) {
            return Future.succeededFuture();
        }
        return vertx.fileSystem().delete(targetPath).otherwiseEmpty().mapEmpty();
    }

    /** Deletes the received file; for the caller once the document is stored or refused. */
    static Uni<Void> delete(Vertx vertx, Received received) {
        return Uni.createFrom().completionStage(() -> vertx.fileSystem().delete(received.file().toString())
                .otherwiseEmpty().mapEmpty().toCompletionStage()).replaceWithVoid();
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "document-too-large", "Document too large",
                "The file has more than %d bytes (%d MB), the most that is accepted.".formatted(
                        maxSizeBytes, maxSizeBytes / (1024 * 1024)), null);
    }

    private static ProblemException malformed(String what) {
        return new ProblemException(422, "malformed-upload", "Malformed upload",
                "The multipart/form-data body could not be read: " + what + ". Send the form again.", null);
    }
}
