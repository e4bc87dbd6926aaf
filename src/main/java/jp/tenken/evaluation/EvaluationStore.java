package jp.tenken.evaluation;

import jp.tenken.document.DocumentFormat;

import java.util.List;
import java.util.Optional;

/** Stored evaluation reports and their versions; H2 and PostgreSQL behind one implementation. */
public interface EvaluationStore {

    /**
     * Stores the report with its findings and traces as the version after the latest, stored by
     * {@code actor}, with its {@code EVALUATION_STORED} activity entry in the same transaction.
     *
     * @throws EvaluationOfAnotherOrganizationException when another organization's evaluation has this id;
     *                                                  nothing is stored and no entry written
     */
    StoredEvaluation store(EvaluationDocument evaluation, byte[] source, DocumentFormat format, EvaluationCheck check, String actor);

    /** The latest version of an evaluation. */
    Optional<StoredEvaluation> latest(String evaluationId);

    /** One version of an evaluation. */
    Optional<StoredEvaluation> version(String evaluationId, int version);

    /** Every stored evaluation with its latest version, by id. */
    List<EvaluationSummary> list();

    /** The organization an evaluation id belongs to (that of its first stored version); empty when unknown. */
    Optional<String> organizationOf(String evaluationId);
}
