package nl.notaris.portal.gateway.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.config.ResourceHandlerRegistration;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Sends the web build's brotli or gzip copy of a file ({@code x.js.br}, {@code x.js.gz}, see
 * {@code web/scripts/precompress.mjs}) to a browser that accepts it: brotli first, in the gateway's
 * order of preference. Spring's {@code EncodedResourceResolver} (7.0) takes the first coding in the
 * browser's own list instead, and browsers list {@code gzip, deflate, br, zstd}; it also leaves out
 * {@code Vary: Accept-Encoding} when it sends the file itself, which a cache between browser and
 * gateway needs as much. Codings are those the browser names (a q-value is not weighed, as Spring's
 * {@code CachingResourceResolver}, which keys its cache on the same names, does not either).
 */
final class PrecompressedFiles implements ResourceResolver {

    /** Ours, in order of preference, with the extension of the web build's copies. */
    static final List<String> CODINGS = List.of("br", "gzip");
    static final Map<String, String> EXTENSIONS = Map.of("br", ".br", "gzip", ".gz");

    /** The resource chain of a handler of the web app's files: cached resolutions, then this. */
    static void chain(ResourceHandlerRegistration registration) {
        registration.resourceChain(true).addResolver(new PrecompressedFiles());
    }

    @Override
    public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveResource(exchange, requestPath, locations)
                .map(file -> exchange == null ? file : negotiated(file, accepted(exchange)));
    }

    @Override
    public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    static Set<String> accepted(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
        if (!StringUtils.hasText(header)) {
            return Set.of();
        }
        return Arrays.stream(StringUtils.tokenizeToStringArray(header, ","))
                .map(coding -> StringUtils.delete(coding.split(";", 2)[0], " ").toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * The copy of the first of our codings that the browser accepts; else the file itself, naming
     * Accept-Encoding in Vary when there is a copy (a file that has none is the same for everybody).
     */
    static Resource negotiated(Resource file, Set<String> accepted) {
        boolean varies = false;
        for (String coding : CODINGS) {
            Resource copy = copy(file, coding);
            if (copy != null) {
                if (accepted.contains(coding)) {
                    return new Negotiated(file, copy, coding);
                }
                varies = true;
            }
        }
        return varies ? new Negotiated(file, file, null) : file;
    }

    static @Nullable Resource copy(Resource file, String coding) {
        try {
            Resource copy = file.createRelative(file.getFilename() + EXTENSIONS.get(coding));
            return copy.isReadable() ? copy : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What is sent for a file: a copy or the file itself, under the file's name (its Content-Type). */
    static final class Negotiated extends AbstractResource implements HttpResource {

        private final Resource file;
        private final Resource sent;
        private final @Nullable String coding;

        Negotiated(Resource file, Resource sent, @Nullable String coding) {
            this.file = file;
            this.sent = sent;
            this.coding = coding;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (coding != null) {
                headers.set(HttpHeaders.CONTENT_ENCODING, coding);
            }
            headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            return headers;
        }

        @Override
        public @Nullable String getFilename() {
            return file.getFilename();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return sent.getInputStream();
        }

        @Override
        public ReadableByteChannel readableChannel() throws IOException {
            return sent.readableChannel();
        }

        @Override
        public boolean exists() {
            return sent.exists();
        }

        @Override
        public boolean isReadable() {
            return sent.isReadable();
        }

        @Override
        public boolean isFile() {
            return sent.isFile();
        }

        @Override
        public File getFile() throws IOException {
            return sent.getFile();
        }

        @Override
        public URL getURL() throws IOException {
            return sent.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return sent.getURI();
        }

        @Override
        public long contentLength() throws IOException {
            return sent.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return sent.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public String getDescription() {
            return sent.getDescription() + (coding == null ? "" : " (" + coding + " of " + file.getDescription() + ")");
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Negotiated negotiated && negotiated.sent.equals(sent)
                    && negotiated.file.equals(file);
        }

        @Override
        public int hashCode() {
            return sent.hashCode();
        }
    }
}
