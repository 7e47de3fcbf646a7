package dev.checkpoint.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP proxy in front of a database that can stall: from {@link #stall()} on,
 * nothing the client sends reaches the server any more (in the middle of a statement,
 * too), while every connection stays open, as in a network partition that drops packets.
 * {@link #heal()} closes the stalled connections and forwards new ones again.
 */
final class StallingTcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int upstreamPort;

	private final List<Socket> sockets = new ArrayList<>();

	private volatile boolean stalled;

	StallingTcpProxy(int upstreamPort) throws IOException {
		this.upstreamPort = upstreamPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "stalling-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void stall() {
		this.stalled = true;
	}

	/**
	 * Closes every connection there is (all may have lost bytes), then forwards again.
	 */
	void heal() {
		synchronized (this.sockets) {
			for (Socket socket : this.sockets) {
				closeQuietly(socket);
			}
			this.sockets.clear();
			this.stalled = false;
		}
	}

	@Override
	public void close() throws IOException {
		heal();
		this.listener.close();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.upstreamPort);
				synchronized (this.sockets) {
					// a connection accepted while healing is either closed by it or
					// entirely after it, never half of each
					this.sockets.add(client);
					this.sockets.add(server);
					pump(client, server, true);
					pump(server, client, false);
				}
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	/** Copies one direction; the client's bytes are dropped while the proxy stalls. */
	private void pump(Socket from, Socket to, boolean clientToServer) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					if (clientToServer && this.stalled) {
						continue;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "stalling-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
