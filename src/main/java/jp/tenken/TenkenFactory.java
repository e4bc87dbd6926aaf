package jp.tenken;

import jp.tenken.source.StartFolders;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleBasePreload;
import jp.tenken.organization.OrganizationRegistry;

import java.nio.file.Path;
import java.util.Optional;

/** Builds the parts that are read from the working directory once, at start. */
@Factory
class TenkenFactory {

    /** Compiled eagerly: a broken rule file stops the start instead of failing the first request. */
    @Context
    RuleBase ruleBase(Optional<StartFolders> foldersCheckedFirst, @Value("${tenken.rules-dir:rules}") String rulesDir) {
        return RuleBasePreload.take(Path.of(rulesDir));
    }

    /**
     * Read eagerly, on the command line too: a broken organization file stops the start naming file
     * and line, instead of a healthy service that fails every request needing the registry.
     */
    @Context
    OrganizationRegistry organizationRegistry(Optional<StartFolders> foldersCheckedFirst,
                                              @Value("${tenken.seeds-dir:seeds}") String seedsDir) {
        return OrganizationRegistry.load(Path.of(seedsDir));
    }

    /** Checked eagerly: a broken checklist stops the start, naming the file and the item. */
    @Context
    @Requires(notEnv = Environment.CLI)
    ChecklistRegistry checklistRegistry(StartFolders foldersCheckedFirst,
                                        @Value("${tenken.checklists-dir:checklists}") String checklistsDir) {
        return ChecklistRegistry.load(Path.of(checklistsDir));
    }

    /**
     * On the command line only check-inspection needs the checklists, so they are read when it asks;
     * picocli builds every subcommand before running one, though, so each command reads them, and a
     * broken checklist reaches CommandLineMain inside picocli's exception, where it is found and printed.
     */
    @Singleton
    @Requires(env = Environment.CLI)
    ChecklistRegistry commandLineChecklistRegistry(@Value("${tenken.checklists-dir:checklists}") String checklistsDir) {
        return ChecklistRegistry.load(Path.of(checklistsDir));
    }

    /** The time of the service; a test replaces it to move through a lockout without waiting. */
    @Singleton
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Singleton
    DocumentReader documentReader(@Value("${tenken.max-body-bytes:10485760}") long maxBodyBytes) {
        return DocumentReader.withHibernateValidator(maxBodyBytes);
    }
}
