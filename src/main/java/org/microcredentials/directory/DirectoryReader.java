package org.microcredentials.directory;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads the people of the directory with what the organisation needs of them: user id, name, email, level, role title
 * and the DN of their line manager. Plain JNDI with the manager account, page by page (servers limit a search's size).
 */
@Component
@Profile("ldap")
class DirectoryReader {

  private static final int PAGE_SIZE = 500;

  /** One person as the directory holds them; {@code level}, {@code title} and {@code managerDn} may be missing. */
  record DirectoryPerson(String userId, LdapName dn, String displayName, String email, String level, String title,
      String managerDn) {
  }

  private final DirectoryProperties directory;

  DirectoryReader(DirectoryProperties directory) {
    this.directory = directory;
  }

  List<DirectoryPerson> people() {
    LdapContext context = null;
    try {
      context = new InitialLdapContext(environment(), null);
      SearchControls controls = new SearchControls();
      controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
      controls.setReturningAttributes(new String[] {directory.userIdAttribute(), "cn", "displayName", "givenName", "sn",
          "mail", directory.levelAttribute(), directory.titleAttribute(), directory.managerAttribute()});
      List<DirectoryPerson> people = new ArrayList<>();
      byte[] cookie = null;
      do {
        context.setRequestControls(new Control[] {new PagedResultsControl(PAGE_SIZE, cookie, Control.NONCRITICAL)});
        NamingEnumeration<SearchResult> results = context.search(directory.below(directory.userSearchBase()),
            directory.userSearchFilter(), controls);
        try {
          while (results.hasMore()) {
            person(results.next()).ifPresent(people::add);
          }
        } finally {
          results.close();
        }
        cookie = nextPage(context.getResponseControls());
      } while (cookie != null && cookie.length > 0);
      return people;
    } catch (NamingException | java.io.IOException failed) {
      throw new DirectoryUnavailable("The directory at " + directory.url() + " could not be read: " + failed.getMessage(),
          failed);
    } finally {
      if (context != null) {
        try {
          context.close();
        } catch (NamingException ignored) {
          // Closing a connection that failed: nothing more to do.
        }
      }
    }
  }

  private Optional<DirectoryPerson> person(SearchResult result) throws NamingException {
    Attributes attributes = result.getAttributes();
    String userId = value(attributes, directory.userIdAttribute());
    if (userId == null) {
      return Optional.empty();
    }
    String displayName = value(attributes, "displayName");
    if (displayName == null) {
      displayName = value(attributes, "cn");
    }
    if (displayName == null) {
      String given = value(attributes, "givenName");
      String family = value(attributes, "sn");
      displayName = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }
    String email = value(attributes, "mail");
    return Optional.of(new DirectoryPerson(userId, name(result.getNameInNamespace()),
        displayName.isBlank() ? userId : displayName, email == null ? "" : email,
        value(attributes, directory.levelAttribute()), value(attributes, directory.titleAttribute()),
        value(attributes, directory.managerAttribute())));
  }

  /** A DN as a name that compares as the directory does (attribute types and values without regard to case). */
  static LdapName name(String dn) {
    try {
      return new LdapName(dn);
    } catch (InvalidNameException notADn) {
      return null;
    }
  }

  private static String value(Attributes attributes, String name) throws NamingException {
    Attribute attribute = attributes.get(name);
    if (attribute == null || attribute.size() == 0) {
      return null;
    }
    Object value = attribute.get();
    return value == null ? null : value.toString().strip();
  }

  private static byte[] nextPage(Control[] responses) {
    if (responses != null) {
      for (Control response : responses) {
        if (response instanceof PagedResultsResponseControl paged) {
          return paged.getCookie();
        }
      }
    }
    return null;
  }

  private Hashtable<String, Object> environment() {
    Hashtable<String, Object> environment = new Hashtable<>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    environment.put(Context.PROVIDER_URL, directory.url());
    environment.put(Context.SECURITY_AUTHENTICATION, "simple");
    environment.put(Context.SECURITY_PRINCIPAL, directory.managerDn() == null ? "" : directory.managerDn());
    environment.put(Context.SECURITY_CREDENTIALS, directory.managerPassword() == null ? "" : directory.managerPassword());
    // A directory that stops answering fails the sync, which runs again at the next interval, instead of hanging it.
    environment.put("com.sun.jndi.ldap.connect.timeout", "5000");
    environment.put("com.sun.jndi.ldap.read.timeout", "30000");
    return environment;
  }

  /** The directory could not be read: the sync changes nothing and says so. */
  static final class DirectoryUnavailable extends RuntimeException {
    DirectoryUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
