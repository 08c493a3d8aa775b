package com.campaignledger.web.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough SMTP on loopback to answer one recipient as a real server refuses an address it has no mailbox for
 * ({@code 550} to {@code RCPT TO}) and to take every other mail; it records who each taken mail was for.
 */
final class RefusingMailServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String refused;
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    RefusingMailServer(int port, String refusedAddress) throws IOException {
        this.socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        this.refused = refusedAddress.toLowerCase(Locale.ROOT);
        Thread acceptor = new Thread(this::accept, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The recipients of the mails taken, one entry per mail. */
    List<String> delivered() {
        return delivered;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void converse(Socket client) throws IOException {
        client.setSoTimeout(10_000);
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing-smtp ready");
        String recipient = null;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
                            .toLowerCase(Locale.ROOT);
                    boolean refuse = address.equals(refused);
                    recipient = refuse ? recipient : address;
                    reply(out, refuse ? "550 5.1.1 <" + address + ">: no such mailbox" : "250 2.1.5 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message itself is not needed
                    }
                    delivered.add(recipient);
                    reply(out, "250 2.0.0 taken");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    if (command.startsWith("RSET") || command.startsWith("MAIL FROM:")) {
                        recipient = null;
                    }
                    reply(out, "250 OK"); // EHLO, HELO, MAIL FROM, RSET, NOOP
                }
            }
        } catch (SocketException e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
