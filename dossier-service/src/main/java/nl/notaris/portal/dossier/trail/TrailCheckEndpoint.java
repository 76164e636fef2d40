package nl.notaris.portal.dossier.trail;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/trail}: runs {@link TrailCheck} and answers its report (operators: {@code ./portal
 * trail-check}). Reachable from the service's own machine or pod only, like the dead letters.
 */
@Component
@Endpoint(id = "trail")
public class TrailCheckEndpoint {

    private final TrailCheck check;

    TrailCheckEndpoint(TrailCheck check) {
        this.check = check;
    }

    @ReadOperation
    public TrailCheck.Report check() {
        return check.run();
    }
}
