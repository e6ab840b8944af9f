package io.onestop.assistance.documents.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * clamd over TCP with the INSTREAM command (clamd(8)): "zINSTREAM\0", then chunks each prefixed by its length as a
 * 4-byte big-endian integer, then a zero length; clamd answers "stream: OK" or "stream: &lt;name&gt; FOUND".
 */
public class ClamdVirusScanner implements VirusScanner {

    private final String host;
    private final int port;
    private final Duration timeout;
    private final int chunkSize;

    public ClamdVirusScanner(String host, int port, Duration timeout, int chunkSize) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.chunkSize = chunkSize;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Verdict scan(Path file) throws IOException {
        try (Socket socket = new Socket(); InputStream content = Files.newInputStream(file)) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[chunkSize];
            int read;
            while ((read = content.read(chunk)) > 0) {
                out.write(ByteBuffer.allocate(4).putInt(read).array());
                out.write(chunk, 0, read);
            }
            out.write(new byte[4]);
            out.flush();
            String reply = new String(socket.getInputStream().readNBytes(1024), StandardCharsets.US_ASCII)
                    .replace("\0", "").strip();
            if (reply.endsWith("FOUND")) {
                return Verdict.INFECTED;
            }
            if (reply.endsWith("OK")) {
                return Verdict.CLEAN;
            }
            // e.g. "INSTREAM size limit exceeded. ERROR": no verdict, so the document waits (fail closed)
            throw new IOException("clamd gave no verdict: " + reply);
        }
    }
}
