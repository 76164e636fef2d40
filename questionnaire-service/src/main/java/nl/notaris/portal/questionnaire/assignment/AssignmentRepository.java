package nl.notaris.portal.questionnaire.assignment;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AssignmentRepository extends MongoRepository<QuestionnaireAssignment, String> {

    long countByAccountIdAndStatus(String accountId, AssignmentStatus status);
}
