package jp.tenken.organization;

import jp.tenken.source.SourceException;

import java.util.List;

/** An organization file that cannot serve as the registry; each problem names the file and line. */
public class OrganizationException extends SourceException {
    public OrganizationException(String problem) {
        super(problem);
    }

    public OrganizationException(String heading, List<String> problems) {
        super(heading, problems);
    }
}
