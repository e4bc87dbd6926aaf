package jp.tenken.reminder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** SMTP servers in the test JVM: GreenMail, which takes and keeps every mail, and one that refuses every mail. */
final class MailServers {

    private MailServers() {
    }

    /** GreenMail's SMTP on a free port of the loopback address. */
    static GreenMail greenMail() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** GreenMail's SMTP on this port again (after {@link GreenMail#stop}). */
    static GreenMail greenMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** The text of a delivered mail's only text part, decoded from its transfer encoding and charset. */
    static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            return (String) multipart.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    /** The Content-Type of the text part. */
    static String textContentType(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            return multipart.getBodyPart(0).getContentType();
        }
        return message.getContentType();
    }

    /** The lines of the text. */
    static List<String> lines(MimeMessage message) throws Exception {
        return Arrays.asList(text(message).split("\r?\n", -1));
    }

    /** The first To: address with its name decoded (the raw header has it as an encoded word). */
    static String to(MimeMessage message) throws Exception {
        return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).toUnicodeString();
    }

    /**
     * An SMTP server that answers every connection with 554 (no service here) and closes it, as a
     * mail server that refuses the service's mail does.
     */
    static final class Refusing implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Refusing(int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            thread = new Thread(this::serve, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("554 5.7.1 No mail accepted from this host\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed: the test is over
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }

    /**
     * A TCP relay to another SMTP server that holds each connection for a while before passing it
     * on: a slow mail server, during which the sending run keeps its claims open.
     */
    static final class Slow implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Slow(int targetPort, java.time.Duration delay) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> serve(targetPort, delay), "slow-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(int targetPort, java.time.Duration delay) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread relay = new Thread(() -> relay(client, targetPort, delay), "slow-smtp-relay");
                    relay.setDaemon(true);
                    relay.start();
                } catch (IOException e) {
                    // closed: the test is over
                }
            }
        }

        private static void relay(Socket client, int targetPort, java.time.Duration delay) {
            try (client; Socket target = new Socket("127.0.0.1", targetPort)) {
                Thread.sleep(delay.toMillis());
                Thread up = new Thread(() -> pipe(client, target), "slow-smtp-up");
                up.setDaemon(true);
                up.start();
                pipe(target, client);
                up.join(10_000);
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // the other side closed
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
