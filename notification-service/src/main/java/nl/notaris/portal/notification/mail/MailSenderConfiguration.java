package nl.notaris.portal.notification.mail;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring Boot's mail sender, made from {@code spring.mail.*} as always (host, login, TLS, properties), sends
 * over connections it keeps open: {@link ConnectionKeepingMailSender}. It takes the place of Boot's before the
 * bean is initialised, so whatever wraps the sender afterwards (a test's spy) wraps this one.
 */
@Configuration(proxyBeanMethods = false)
class MailSenderConfiguration {

    @Bean
    static BeanPostProcessor connectionKeepingMailSender(
            @Value("${portal.mail.keep-connections-open:10s}") Duration keepOpen, ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl configured && !(bean instanceof ConnectionKeepingMailSender)) {
                    return new ConnectionKeepingMailSender(configured, keepOpen, clock.getIfAvailable(Clock::systemUTC));
                }
                return bean;
            }
        };
    }
}
