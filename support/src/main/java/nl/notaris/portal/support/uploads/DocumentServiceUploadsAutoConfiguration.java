package nl.notaris.portal.support.uploads;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * The client of document-service's uploads, for a service that hands files to document-service:
 * switched on by naming it, {@code portal.document-service-url}. {@code portal.document-service-read-timeout}
 * (default 20 s) bounds the wait for an answer; a service that streams large files on sets more.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "portal.document-service-url")
public class DocumentServiceUploadsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DocumentServiceUploads documentServiceUploadClient(RestClient.Builder builder,
            @Value("${portal.document-service-url}") String url,
            @Value("${portal.document-service-read-timeout:20s}") Duration readTimeout) {
        return new DocumentServiceUploads(builder, url, readTimeout);
    }
}
