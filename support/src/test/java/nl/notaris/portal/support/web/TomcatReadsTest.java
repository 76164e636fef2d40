package nl.notaris.portal.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class TomcatReadsTest {

    @Test
    void requestBodiesAreReadInPiecesOf64Kilobytes() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new WebSupportAutoConfiguration.TomcatReads().largerSocketReads().customize(factory);
        Connector connector = new Connector();
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));

        var endpoint = AbstractHttp11Protocol.class.getDeclaredMethod("getEndpoint");
        endpoint.setAccessible(true);
        var socket = ((AbstractEndpoint<?, ?>) endpoint.invoke(connector.getProtocolHandler())).getSocketProperties();
        assertThat(socket.getAppReadBufSize()).isEqualTo(64 * 1024);
    }
}
