package jp.tenken.account;

/** A field of an account that breaks a rule of CONTRACT §7, named for a 400 body. */
public record FieldProblem(String field, String message) {
}
