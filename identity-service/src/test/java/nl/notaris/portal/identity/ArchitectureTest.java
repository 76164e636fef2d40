package nl.notaris.portal.identity;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void followsTheServiceStructure() {
        ServiceArchitecture.verify("nl.notaris.portal.identity");
    }
}
