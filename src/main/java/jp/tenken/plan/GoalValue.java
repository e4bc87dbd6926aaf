package jp.tenken.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import jp.tenken.document.DocumentValueException;
import jp.tenken.document.TextFlaws;

import java.math.BigDecimal;

/** A goal's value: a number, or text for a qualitative goal ({@code 構築済み}). */
public record GoalValue(BigDecimal number, String text) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static GoalValue of(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            if (number.precision() - number.scale() > 30 || number.scale() > 30) {
                throw new DocumentValueException("document.goal-value.digits");
            }
            return new GoalValue(number, null);
        }
        if (node.isTextual()) {
            return new GoalValue(null, TextFlaws.check(node.textValue()));
        }
        throw new DocumentValueException("document.type.goal-value");
    }

    public boolean numeric() {
        return number != null;
    }

    @JsonValue
    public Object json() {
        return numeric() ? number : text;
    }
}
