package nl.notaris.portal.questionnaire.answers;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Invalid answers as a problem with one entry per question in {@code errors}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnswerProblems {

    @ExceptionHandler(AnswersInvalidException.class)
    ProblemDetail invalid(AnswersInvalidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid answers");
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
