package nl.notaris.portal.questionnaire.assignment;

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
    ActionsSummary summary(Caller caller) {
        return new ActionsSummary(
                assignments.countByAccountIdAndStatus(caller.accountId(), AssignmentStatus.OPEN));
    }

    record ActionsSummary(long open) {
    }
}
