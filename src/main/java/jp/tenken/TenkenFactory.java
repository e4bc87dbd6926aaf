package jp.tenken;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleBaseLoader;
import jp.tenken.organization.OrganizationRegistry;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.nio.file.Path;

/** Builds the parts that are read from the working directory once, at start. */
@Factory
class TenkenFactory {

    /** Compiled eagerly: a broken rule file stops the start instead of failing the first request. */
    @Context
    RuleBase ruleBase(@Value("${tenken.rules-dir:rules}") String rulesDir) {
        return RuleBaseLoader.load(Path.of(rulesDir));
    }

    @Singleton
    OrganizationRegistry organizationRegistry(@Value("${tenken.seeds-dir:seeds}") String seedsDir) {
        return OrganizationRegistry.load(Path.of(seedsDir));
    }

    /**
     * Hibernate Validator, built directly so the command line needs no validation infrastructure;
     * messages are rendered by Tenken from the constraint's message key, so no EL is needed.
     */
    @Singleton
    DocumentReader documentReader(@Value("${tenken.max-body-bytes:10485760}") long maxBodyBytes) {
        Validator validator = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new DocumentReader(validator, maxBodyBytes);
    }
}
