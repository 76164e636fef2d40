package nl.notaris.portal.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import reactor.netty.ReactorNetty;

@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * As many event loops as cores, unless {@code -Dreactor.netty.ioWorkerCount} says otherwise (Reactor Netty's
     * default is at least 4): with fewer threads, a request more often finds the one it needs awake
     * (docs/capacity.md, "Event loops"). Before anything starts Reactor Netty, which reads it once.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
    }
}
