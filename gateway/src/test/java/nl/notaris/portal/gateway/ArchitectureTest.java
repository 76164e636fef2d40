package nl.notaris.portal.gateway;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.testsupport.ServiceArchitecture;

/** The gateway keeps the services' structure: packages by feature, without cycles between them. */
class ArchitectureTest {

    @Test
    void followsTheServiceStructure() {
        ServiceArchitecture.verify("nl.notaris.portal.gateway");
    }
}
