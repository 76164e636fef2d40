package nl.notaris.portal.questionnaire;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void followsTheServiceStructure() {
        ServiceArchitecture.verify("nl.notaris.portal.questionnaire");
    }
}
