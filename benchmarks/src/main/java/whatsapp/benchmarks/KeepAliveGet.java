package whatsapp.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 GETs (and JSON POSTs) over one kept-alive plain socket, blocking: one per load thread. The JDK HttpClient
 * (a selector thread and futures per request) took most of a core by itself; this costs little,
 * so on 2 shared cores the figure is the server's rather than the load generator's.
 */
final class KeepAliveGet implements AutoCloseable {

    private final InetSocketAddress address;
    private final String headers;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;

    KeepAliveGet(URI base, String bearerToken) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.headers = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n") + "\r\n";
    }

    /** The status code; the body is read and dropped. An I/O failure closes the connection and is thrown. */
    int get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\n" + headers, null);
    }

    /** A POST of a JSON body with extra header lines ({@code "Name: value\r\n"} each); the status code. */
    int postJson(String path, String extraHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\n" + extraHeaders + "Content-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\n" + headers, bytes);
    }

    private int send(String head, byte[] body) throws IOException {
        try {
            if (socket == null) connect();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) out.write(body);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) throw new IOException("not an HTTP answer: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            if (chunked) skipChunks();
            else if (length >= 0) in.skipNBytes(length);
            else close = true; // body ends with the connection
            if (close) close();
            return code;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers, if any
                }
                return;
            }
            in.skipNBytes(length);
            line();
        }
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new EOFException("connection closed mid-answer");
            if (b != '\r') bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
