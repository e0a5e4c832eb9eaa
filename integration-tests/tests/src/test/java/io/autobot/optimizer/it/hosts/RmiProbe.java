package io.autobot.optimizer.it.hosts;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Knocks on a JMX connector's RMI port as a client would: sends the JRMP header and says whether
 * the server answered with its protocol acknowledgement ({@code rmi=ack}), closed the connection
 * ({@code rmi=closed}) or could not be reached ({@code rmi=} the exception's name).
 */
public class RmiProbe {

    private static final int MAGIC = 0x4a524d49; // "JRMI"
    private static final int VERSION = 2;
    private static final int STREAM_PROTOCOL = 0x4b;
    private static final int PROTOCOL_ACK = 0x4e;

    public static void main(String[] args) {
        System.out.println("rmi=" + knock(args[0], Integer.parseInt(args[1])));
    }

    static String knock(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeByte(STREAM_PROTOCOL);
            out.flush();
            int answer = new DataInputStream(socket.getInputStream()).read();
            return answer == PROTOCOL_ACK ? "ack" : answer < 0 ? "closed" : "other-" + answer;
        } catch (java.net.SocketException reset) {
            if (reset.getMessage() != null && (reset.getMessage().contains("reset") || reset.getMessage().contains("pipe"))) {
                return "closed";
            }
            return describe(reset);
        } catch (IOException e) {
            return describe(e);
        }
    }

    private static String describe(IOException e) {
        return (e.getClass().getSimpleName() + ":" + e.getMessage()).replace(' ', '_');
    }
}
