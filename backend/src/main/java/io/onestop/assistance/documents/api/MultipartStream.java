package io.onestop.assistance.documents.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A push parser of a multipart/form-data body (RFC 7578) as it arrives, chunk by chunk: form fields are collected,
 * the bytes of a file part are handed on as they come, and nothing else is buffered beyond one chunk plus the length
 * of the boundary. It exists because the generic parser of Quarkus REST reads every byte through a ByteBuffer call
 * and spools the file before the resource runs; here the boundary is looked for with a scan for its first byte over
 * a plain array, and the caller decides where the file's bytes go. Not thread-safe: feed it from one thread (the
 * request's event loop).
 */
final class MultipartStream {

    /** What the parser found, in the order of the body. */
    interface Listener {

        /** A form field that is not a file, with its value (at most {@code maxFieldBytes}). */
        void field(String name, String value);

        /** A file part starts; answers whether its bytes are wanted ({@link #fileData}) or skipped. */
        boolean fileStart(String name, String filename, String contentType);

        /** Bytes of the current file part, in order; {@code bytes} is only valid during the call. */
        void fileData(byte[] bytes, int offset, int length);

        /** The current file part ended. */
        void fileEnd();
    }

    /** The body is not well-formed multipart/form-data; the message says where, for the 422 detail. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private enum State { PREAMBLE, HEADERS, BODY, AFTER_DELIMITER, DONE }

    private static final int MAX_HEADER_BYTES = 8 * 1024;

    private final byte[] delimiter; // CRLF "--" boundary
    private final int maxFieldBytes;
    private final Listener listener;
    private State state = State.PREAMBLE;
    /** Bytes kept between chunks: a possible start of the delimiter, or headers not complete yet. */
    private byte[] pending = new byte[0];
    private String partName;
    private boolean partIsFile;
    private boolean wanted;
    private final java.io.ByteArrayOutputStream fieldValue = new java.io.ByteArrayOutputStream();

    MultipartStream(String boundary, int maxFieldBytes, Listener listener) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxFieldBytes = maxFieldBytes;
        this.listener = listener;
    }

    /** The boundary parameter of a multipart/form-data content type, or null when it is none. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > 70 ? null : value;
            }
        }
        return null;
    }

    boolean done() {
        return state == State.DONE;
    }

    void feed(byte[] chunk, int offset, int length) throws MalformedException {
        byte[] data;
        int start;
        int end;
        if (pending.length == 0) {
            data = chunk;
            start = offset;
            end = offset + length;
        } else {
            data = new byte[pending.length + length];
            System.arraycopy(pending, 0, data, 0, pending.length);
            System.arraycopy(chunk, offset, data, pending.length, length);
            start = 0;
            end = data.length;
            pending = new byte[0];
        }
        int position = start;
        while (position < end) {
            switch (state) {
                case PREAMBLE -> {
                    // the first boundary has no CRLF before it (a preamble, rare, is skipped)
                    int found = indexOf(data, position, end, delimiter, 2);
                    if (found < 0) {
                        keep(data, Math.max(position, end - delimiter.length), end);
                        return;
                    }
                    position = found + delimiter.length - 2;
                    state = State.AFTER_DELIMITER;
                }
                case AFTER_DELIMITER -> {
                    if (end - position < 2) {
                        keep(data, position, end);
                        return;
                    }
                    if (data[position] == '-' && data[position + 1] == '-') {
                        state = State.DONE;
                        return; // the epilogue, if any, is ignored
                    }
                    int after = skipTransportPadding(data, position, end);
                    if (after < 0) {
                        keep(data, position, end);
                        return;
                    }
                    position = after;
                    state = State.HEADERS;
                }
                case HEADERS -> {
                    int found = indexOf(data, position, end, CRLFCRLF, 0);
                    if (found < 0) {
                        if (end - position > MAX_HEADER_BYTES) {
                            throw new MalformedException("part headers longer than " + MAX_HEADER_BYTES + " bytes");
                        }
                        keep(data, position, end);
                        return;
                    }
                    headers(new String(data, position, found - position, StandardCharsets.UTF_8));
                    position = found + 4;
                    state = State.BODY;
                }
                case BODY -> {
                    int found = indexOf(data, position, end, delimiter, 0);
                    if (found >= 0) {
                        content(data, position, found - position);
                        partEnd();
                        position = found + delimiter.length;
                        state = State.AFTER_DELIMITER;
                    } else {
                        // all but a possible start of the delimiter at the end is content
                        int safe = Math.max(position, end - (delimiter.length - 1));
                        safe = partialStart(data, safe, end);
                        content(data, position, safe - position);
                        keep(data, safe, end);
                        return;
                    }
                }
                case DONE -> {
                    return;
                }
            }
        }
    }

    /** The body ended; anything but a complete closing delimiter means the upload was cut off. */
    void end() throws MalformedException {
        if (state != State.DONE) {
            throw new MalformedException("the body ends before the closing boundary (incomplete upload)");
        }
    }

    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

    /** After "--boundary": optional spaces or tabs (RFC 2046 transport padding), then CRLF; -1 when not all here. */
    private static int skipTransportPadding(byte[] data, int position, int end) throws MalformedException {
        int p = position;
        while (p < end && (data[p] == ' ' || data[p] == '\t')) {
            p++;
        }
        if (end - p < 2) {
            return -1;
        }
        if (data[p] != '\r' || data[p + 1] != '\n') {
            throw new MalformedException("a boundary is not followed by a line break");
        }
        return p + 2;
    }

    /** Where, in [from, end), a suffix of the data could begin the delimiter; end when none can. */
    private int partialStart(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\r') {
                int n = end - i;
                boolean prefix = true;
                for (int k = 1; k < n; k++) {
                    if (data[i + k] != delimiter[k]) {
                        prefix = false;
                        break;
                    }
                }
                if (prefix) {
                    return i;
                }
            }
        }
        return end;
    }

    /** First index of {@code pattern[skip..]} in data[from, end); a scan for its first byte, then a comparison. */
    private static int indexOf(byte[] data, int from, int end, byte[] pattern, int skip) {
        byte first = pattern[skip];
        int length = pattern.length - skip;
        int last = end - length;
        for (int i = from; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            int k = 1;
            while (k < length && data[i + k] == pattern[skip + k]) {
                k++;
            }
            if (k == length) {
                return i;
            }
        }
        return -1;
    }

    private void keep(byte[] data, int from, int end) {
        pending = java.util.Arrays.copyOfRange(data, from, end);
    }

    private void headers(String block) throws MalformedException {
        String name = null;
        String filename = null;
        String contentType = null;
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
                    throw new MalformedException("a part is not form-data");
                }
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw new MalformedException("a part has no name");
        }
        partName = name;
        // a part with a file name is a file, as browsers and wx.uploadFile send it
        partIsFile = filename != null;
        fieldValue.reset();
        wanted = partIsFile && listener.fileStart(name, filename, contentType);
    }

    /** A parameter of a Content-Disposition value, quoted or not; null when absent. */
    static String parameter(String disposition, String key) {
        int i = 0;
        int length = disposition.length();
        while (i < length) {
            int semicolon = disposition.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            int p = semicolon + 1;
            while (p < length && disposition.charAt(p) == ' ') {
                p++;
            }
            int equals = disposition.indexOf('=', p);
            if (equals < 0) {
                return null;
            }
            String parameterName = disposition.substring(p, equals).strip();
            int valueStart = equals + 1;
            String value;
            int next;
            if (valueStart < length && disposition.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int q = valueStart + 1;
                while (q < length && disposition.charAt(q) != '"') {
                    char c = disposition.charAt(q);
                    if (c == '\\' && q + 1 < length) {
                        q++;
                        c = disposition.charAt(q);
                    }
                    quoted.append(c);
                    q++;
                }
                value = quoted.toString();
                next = q + 1;
            } else {
                int stop = disposition.indexOf(';', valueStart);
                stop = stop < 0 ? length : stop;
                value = disposition.substring(valueStart, stop).strip();
                next = stop;
            }
            if (parameterName.equalsIgnoreCase(key)) {
                return value;
            }
            i = next;
        }
        return null;
    }

    private void content(byte[] data, int offset, int length) throws MalformedException {
        if (length <= 0) {
            return;
        }
        if (partIsFile) {
            if (wanted) {
                listener.fileData(data, offset, length);
            }
            return;
        }
        if (fieldValue.size() + length > maxFieldBytes) {
            throw new MalformedException("the form field `" + partName + "` is longer than " + maxFieldBytes + " bytes");
        }
        fieldValue.write(data, offset, length);
    }

    private void partEnd() {
        if (partIsFile) {
            if (wanted) {
                listener.fileEnd();
            }
        } else {
            listener.field(partName, fieldValue.toString(StandardCharsets.UTF_8));
        }
    }
}
