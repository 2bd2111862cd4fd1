package org.videochat.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.platform.RequestRejected;

/**
 * Refuses request bodies above {@code videochat.api.max-request-bytes} with 413: at once when the
 * Content-Length says so, and while reading when the body is chunked.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "videochat.api.max-request-bytes")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            // Close the connection: the client may still be sending a body nobody will read.
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problems.response(
                            413,
                            "request-too-large",
                            "The request body has " + request.getLength() + " bytes; at most " + maxBytes
                                    + " are accepted."))
                    .header("Connection", "close")
                    .build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw RequestRejected.tooLarge(
                        "request-too-large", "The request body is larger than " + max + " bytes.");
            }
        }
    }
}
