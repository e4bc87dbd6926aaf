package jp.tenken.document;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * YAML read as JSON reads it: a plain value is a number or a boolean only when written as JSON
 * writes one ({@code 2024}, {@code -1.5e2}, {@code true}, {@code false}). SnakeYAML resolves values
 * by YAML 1.1, where {@code 0x7E8}, {@code 2_024}, {@code 03750}, {@code 33:44} and {@code +2024}
 * are all the number 2024 and {@code yes}, {@code on}, {@code no} are booleans; Jackson offers no
 * setting for its resolver. Here such a value is the text written: a number or boolean field
 * refuses it, naming itself, and a text field keeps it as written (as YAML 1.2 reads most of them)
 * instead of {@code title: no} becoming "false".
 */
final class JsonLikeYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    /** JSON's number grammar (RFC 8259 §6). */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    /** YAML's infinities and not-a-number stay numbers, so that a number field refuses them as it always has. */
    private static final Pattern ENDLESS = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    JsonLikeYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
        return parser(context, _createReader(data, offset, len, null, context));
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
        return parser(context, _createReader(in, null, context));
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
        return parser(context, reader);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext context, boolean recyclable) {
        return parser(context, new CharArrayReader(data, offset, len));
    }

    private YAMLParser parser(IOContext context, Reader reader) {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    private static final class Parser extends YAMLParser {
        Parser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
            super(context, features, yamlFeatures, options, codec, reader);
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            JsonToken token = super._decodeScalar(scalar);
            String value = scalar.getValue();
            boolean asJsonWritesIt = switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JSON_NUMBER.matcher(value).matches() || ENDLESS.matcher(value).matches();
                case VALUE_TRUE -> value.equals("true");
                case VALUE_FALSE -> value.equals("false");
                default -> true;
            };
            // The parser has kept the value's text; as a string token, that text is what is read.
            return asJsonWritesIt ? token : JsonToken.VALUE_STRING;
        }
    }
}
