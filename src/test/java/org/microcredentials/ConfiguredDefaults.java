package org.microcredentials;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Where the defaults of the {@code microcredentials.*} properties are: the {@code @ConfigurationProperties} records
 * (their compact constructors), and for the few single values read with {@code @Value}, the placeholder's default.
 * Found on the classpath, so that a record or {@code @Value} added later is covered without naming it here.
 */
final class ConfiguredDefaults {

  private static final String ROOT = "org.microcredentials";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(microcredentials\\.[^:}]+):([^}]*)}");

  private ConfiguredDefaults() {
  }

  /** One record and the prefix it binds. */
  record Properties(Class<?> type, String prefix) {

    /** Every property of the record, by full name; a map's as {@code name.*}. */
    Map<String, RecordComponent> components() {
      Map<String, RecordComponent> components = new LinkedHashMap<>();
      for (RecordComponent component : type.getRecordComponents()) {
        String name = prefix + "." + kebab(component.getName());
        components.put(Map.class.isAssignableFrom(component.getType()) ? name + ".*" : name, component);
      }
      return components;
    }

    Object bind(Binder binder) {
      return binder.bindOrCreate(prefix, type);
    }
  }

  /** Every {@code @ConfigurationProperties} record under {@code microcredentials}. */
  static List<Properties> records() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    List<Properties> records = new ArrayList<>();
    applicationClasses(scanner).forEach(type -> {
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      if (prefix.equals("microcredentials") || prefix.startsWith("microcredentials.")) {
        if (!type.isRecord()) {
          throw new IllegalStateException(type + " binds " + prefix + " but is no record");
        }
        records.add(new Properties(type, prefix));
      }
    });
    records.sort(Comparator.comparing(Properties::prefix));
    return records;
  }

  /** Every {@code @Value("${microcredentials.name:default}")} of the application's classes: name to default. */
  static Map<String, String> valueDefaults() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(
          org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
    Map<String, String> defaults = new LinkedHashMap<>();
    applicationClasses(scanner).forEach(type -> {
      Stream.of(Stream.of(type.getDeclaredFields()), annotatedParameters(type.getDeclaredConstructors()),
              annotatedParameters(type.getDeclaredMethods()))
          .flatMap(elements -> elements)
          .map(element -> element.getAnnotation(Value.class))
          .filter(value -> value != null)
          .forEach(value -> {
            Matcher matcher = PLACEHOLDER.matcher(value.value());
            if (matcher.matches()) {
              String previous = defaults.put(matcher.group(1), matcher.group(2));
              if (previous != null && !previous.equals(matcher.group(2))) {
                throw new IllegalStateException(matcher.group(1) + " has two defaults: " + previous + ", "
                    + matcher.group(2));
              }
            }
          });
    });
    return defaults;
  }

  /** Binds with the application's conversions ({@code 10s}, {@code P14D}, {@code Europe/London}, lists). */
  static Binder binder(Map<String, String> properties) {
    return new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
        ApplicationConversionService.getSharedInstance());
  }

  static Object read(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true); // some records are package-private
      return accessor.invoke(record);
    } catch (ReflectiveOperationException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  static String kebab(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static Stream<AnnotatedElement> annotatedParameters(Executable[] executables) {
    return Stream.of(executables).flatMap(executable -> Stream.<Parameter>of(executable.getParameters()));
  }

  /** The application's classes the scanner finds, not the tests'. */
  private static Stream<Class<?>> applicationClasses(ClassPathScanningCandidateComponentProvider scanner) {
    return scanner.findCandidateComponents(ROOT).stream()
        .filter(candidate -> !String.valueOf(((AbstractBeanDefinition) candidate).getResource()).contains("test-classes"))
        .map(candidate -> load(candidate.getBeanClassName()));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ConfiguredDefaults.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalStateException(missing);
    }
  }
}
