package nl.notaris.portal.questionnaire.assignment;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;

/** How many questionnaires the caller still has to fill in (the Home page's "Actions"). */
@RestController
class ActionsController {

    private final AssignmentRepository assignments;

    ActionsController(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/actions/summary")
    ActionsSummary summary(@AuthenticationPrincipal Jwt jwt) {
        return new ActionsSummary(
                assignments.countByAccountIdAndStatus(Caller.from(jwt).accountId(), AssignmentStatus.OPEN));
    }

    record ActionsSummary(long open) {
    }
}
