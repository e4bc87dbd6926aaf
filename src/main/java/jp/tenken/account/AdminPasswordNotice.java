package jp.tenken.account;

/**
 * Where the generated password of the first admin is shown, once. A seam of its own so that tests
 * can read the line instead of scraping the console.
 */
public interface AdminPasswordNotice {

    /** Shows the line to whoever started the service. */
    void show(String line);
}
