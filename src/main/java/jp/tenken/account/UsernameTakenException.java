package jp.tenken.account;

/** A user of this name exists already (the users API answers 409); nothing was stored. */
public class UsernameTakenException extends RuntimeException {

    private final String username;

    public UsernameTakenException(String username) {
        super("the user name " + username + " is taken");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
