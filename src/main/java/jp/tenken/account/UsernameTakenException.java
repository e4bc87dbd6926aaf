package jp.tenken.account;

/** A user of this name exists already (the later users API answers 409); nothing was stored. */
public class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("the user name " + username + " is taken");
    }
}
