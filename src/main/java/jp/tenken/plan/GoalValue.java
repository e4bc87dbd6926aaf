package jp.tenken.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** A goal's value: a number, or text for a qualitative goal ({@code 構築済み}). */
public record GoalValue(BigDecimal number, String text) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static GoalValue of(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return new GoalValue(node.decimalValue(), null);
        }
        if (node.isTextual()) {
            return new GoalValue(null, node.textValue());
        }
        throw new IllegalArgumentException("a goal value is a number or a text");
    }

    public boolean numeric() {
        return number != null;
    }

    @JsonValue
    public Object json() {
        return numeric() ? number : text;
    }
}
