package nl.notaris.portal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A service's integration test: the whole service on a real port (for raw HTTP) and through MockMvc,
 * accepting {@link TestTokens}. Tests of one service that use only this share one started service,
 * so adding a test class does not add a start-up. Extend {@link IntegrationTest} for the real
 * MongoDB and Kafka.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestTokens.class)
public @interface ServiceIntegrationTest {
}
