package org.microcredentials.directory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A directory that cannot be reached fails the sync at once, naming the directory; nothing is read half. */
class DirectoryReaderTest {

  @Test
  void anUnreachableDirectoryIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "ldap://127.0.0.1:" + closedPort;
    DirectoryReader reader = new DirectoryReader(new DirectoryProperties(url, "cn=manager,dc=example,dc=org", "secret",
        "dc=example,dc=org", "ou=people", null, null, "ou=groups", null, null, null, null, null, null, null, null));
    assertThatThrownBy(reader::people).isInstanceOf(DirectoryReader.DirectoryUnavailable.class)
        .hasMessageContaining(url);
  }
}
