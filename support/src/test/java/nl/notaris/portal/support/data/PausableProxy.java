package nl.notaris.portal.support.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a server that can be paused like a process with SIGSTOP: connections stay
 * open and accepted, but nothing is passed on until it is resumed.
 */
final class PausableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Object gate = new Object();
    private final List<byte[]> toServer = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    PausableProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0);
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void pause() {
        paused = true;
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHostString(), target.getPort());
                Thread.ofVirtual().start(() -> pump(client, server, toServer));
                Thread.ofVirtual().start(() -> pump(server, client, null));
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * How many of the messages sent towards the server so far (passed on or held) contain the text. MongoDB's
     * protocol asks one thing at a time per connection, so a command is read here, and counted, even while
     * paused: its connection's earlier command has been answered, or it comes on another connection.
     */
    long messagesContaining(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        return toServer.stream().filter(message -> indexOf(message, wanted) >= 0).count();
    }

    private static int indexOf(byte[] data, byte[] wanted) {
        outer:
        for (int i = 0; i <= data.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void pump(Socket from, Socket to, List<byte[]> sent) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (sent != null) {
                    sent.add(Arrays.copyOf(buffer, read));
                }
                waitWhilePaused();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: the other follows
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (gate) {
            while (paused) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        resume();
        listener.close();
    }
}
