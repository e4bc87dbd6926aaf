package jp.tenken.cli;

import jp.tenken.engine.Language;
import picocli.CommandLine.Option;

/** The options every checking command shares: how to print, and in which language. */
public class OutputOptions {

    @Option(names = "--format", defaultValue = "text", description = "text or json (json: the body the HTTP API answers)")
    OutputFormat format;

    @Option(names = "--lang", defaultValue = "ja", description = "ja or en")
    OutputLanguage lang;

    Language language() {
        return lang.language();
    }

    boolean json() {
        return format == OutputFormat.json;
    }
}
