package nl.notaris.portal.questionnaire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QuestionnaireServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuestionnaireServiceApplication.class, args);
    }
}
