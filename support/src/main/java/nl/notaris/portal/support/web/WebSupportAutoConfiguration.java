package nl.notaris.portal.support.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.JacksonModule;

/**
 * What every service's web layer shares: problem details for every error (controller advice, error
 * page, Tomcat's own reports), the request parameter and text field checks, and the {@link PageQuery} and
 * {@link nl.notaris.portal.support.security.Caller} controller parameters.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
public class WebSupportAutoConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageQueryResolver());
        resolvers.add(new CallerResolver());
    }

    /** Text fields of request bodies: strings only, no control characters (see {@link TextFields}). */
    @Bean
    JacksonModule textFields() {
        return TextFields.module();
    }

    /**
     * Text parameters (query, form and multipart fields, path segments) follow the rule of {@link TextFields} too:
     * an editor that every data binder of Spring MVC's handler adapter gets from its initializer. Not an
     * {@code @InitBinder} method of the controller advice: Spring MVC makes a new handler method of that for
     * every request, which cost 3–4 % of a list call's CPU.
     */
    @Bean
    static BeanPostProcessor textParameters() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    if (!(adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer)) {
                        throw new IllegalStateException("Spring MVC's handler adapter has no ConfigurableWebBindingInitializer"
                                + " to check text parameters with");
                    }
                    var registrars = new ArrayList<PropertyEditorRegistrar>();
                    if (initializer.getPropertyEditorRegistrars() != null) {
                        registrars.addAll(List.of(initializer.getPropertyEditorRegistrars()));
                    }
                    registrars.add(registry -> registry.registerCustomEditor(String.class, new TextFields.ParameterEditor()));
                    initializer.setPropertyEditorRegistrars(registrars.toArray(PropertyEditorRegistrar[]::new));
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestParametersFilter> requestParametersFilter() {
        var registration = new FilterRegistrationBean<>(new RequestParametersFilter());
        // before Spring Security (-100): nothing reads a parameter before it is checked
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemJsonErrorReportValve());
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
        }
    }

    /**
     * Request bodies read from the socket in pieces of up to 64 KB instead of Tomcat's 8 KB: a megabyte of an
     * uploaded file is then about 16 reads, each of which may park the request's virtual thread, instead of 128.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatReads {

        static final int READ_BUFFER_BYTES = 64 * 1024;

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> largerSocketReads() {
            return factory -> factory.addConnectorCustomizers(
                    connector -> connector.setProperty("socket.appReadBufSize", String.valueOf(READ_BUFFER_BYTES)));
        }
    }
}
