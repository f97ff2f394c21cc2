package kz.health.sanepid.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read once and is read again: by {@link EngineReadGuard} to look at a query's filters, by
 * {@link GatewaySignatureFilter} to check the signature over it.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    /** Query bodies are small; a larger body is left to the engine unread by the guard (and refused by nobody here). */
    static final int MAX_BYTES = 1 << 20;

    private final byte[] body;

    private BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with a body its filter has already read. */
    static HttpServletRequest withBody(HttpServletRequest request, byte[] body) {
        return new BufferedRequest(request, body);
    }

    static HttpServletRequest of(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.contains("json") || request.getContentLengthLong() > MAX_BYTES) {
            return request;
        }
        return new BufferedRequest(request, request.getInputStream().readNBytes(MAX_BYTES));
    }

    byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
        return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
    }
}
