package org.microcredentials.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.InputStream;
import java.net.InetAddress;
import com.unboundid.ldif.LDIFReader;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real LDAP server in memory (UnboundID), loaded with the demo organisation of {@code directory/organisation.ldif}, on
 * a free port of the loopback address; and the {@code microcredentials.directory.*} properties that point the
 * application at it.
 */
public final class InMemoryDirectory {

  static final String BASE_DN = "dc=example,dc=org";
  static final String MANAGER_DN = "cn=manager,dc=example,dc=org";
  static final String MANAGER_PASSWORD = "manager-secret";

  private final InMemoryDirectoryServer server;

  private InMemoryDirectory(InMemoryDirectoryServer server) {
    this.server = server;
  }

  public static InMemoryDirectory start() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
      // A fixed port, so that the server can stop and start again where the application looks for it.
      int port;
      try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = free.getLocalPort();
      }
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      try (InputStream ldif = InMemoryDirectory.class.getResourceAsStream("/directory/organisation.ldif")) {
        server.importFromLDIF(true, new LDIFReader(ldif));
      }
      server.startListening();
      return new InMemoryDirectory(server);
    } catch (Exception failed) {
      throw new IllegalStateException("The in-memory directory did not start", failed);
    }
  }

  String url() {
    return "ldap://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getListenPort();
  }

  /** The properties of docs/directory.md for this server, with the test organisation's group mapping. */
  public void register(DynamicPropertyRegistry properties) {
    properties.add("microcredentials.directory.url", this::url);
    properties.add("microcredentials.directory.manager-dn", () -> MANAGER_DN);
    properties.add("microcredentials.directory.manager-password", () -> MANAGER_PASSWORD);
    properties.add("microcredentials.directory.base-dn", () -> BASE_DN);
    properties.add("microcredentials.directory.user-search-base", () -> "ou=people");
    properties.add("microcredentials.directory.group-search-base", () -> "ou=groups");
    properties.add("microcredentials.directory.group-mapping.sem-team", () -> "engineering-managers");
    properties.add("microcredentials.directory.group-mapping.camunda-admin", () -> "platform-admins");
  }

  /** HR changes a person's attribute in the directory. */
  void set(String userId, String attribute, String value) {
    try {
      server.modify(dn(userId), new Modification(ModificationType.REPLACE, attribute, value));
    } catch (LDAPException failed) {
      throw new IllegalStateException(failed);
    }
  }

  static String dn(String userId) {
    return "uid=" + userId + ",ou=people," + BASE_DN;
  }

  /** The directory stops answering (its data kept) until {@link #answerAgain}. */
  void stopAnswering() {
    server.shutDown(false);
  }

  void answerAgain() {
    try {
      server.startListening();
    } catch (LDAPException failed) {
      throw new IllegalStateException(failed);
    }
  }

  public void stop() {
    server.shutDown(true);
  }
}
