package org.microcredentials.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Orders the test classes (in {@code junit-platform.properties}) so that classes with the same Spring
 * configuration run one after the other and share one application ({@link OneApplicationAtATime}): first the
 * classes without Spring (rules, bare engines), then the configurations on H2, then those on PostgreSQL, each
 * group by class name. @Nested classes keep the order they are written in.
 */
public class SameApplicationTogether implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<? extends ClassDescriptor> classes = context.getClassDescriptors();
    if (classes.stream().anyMatch(descriptor -> descriptor.getTestClass().getEnclosingClass() != null)) {
      return;
    }
    Map<Object, List<ClassDescriptor>> byConfiguration = new LinkedHashMap<>();
    classes.stream().sorted(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()))
        .forEach(descriptor -> byConfiguration.computeIfAbsent(configuration(descriptor.getTestClass()),
            key -> new ArrayList<>()).add(descriptor));
    List<List<ClassDescriptor>> groups = new ArrayList<>(byConfiguration.values());
    groups.sort(Comparator.comparingInt((List<ClassDescriptor> group) -> rank(group.get(0).getTestClass())));
    List<ClassDescriptor> ordered = groups.stream().flatMap(List::stream).toList();
    context.getClassDescriptors().sort(Comparator.comparingInt(ordered::indexOf));
  }

  /** Whether Spring runs the class (its own annotations, a superclass's or an enclosing class's). */
  static boolean isSpringTest(Class<?> testClass) {
    return TestContextAnnotationUtils.findAnnotationDescriptor(testClass, BootstrapWith.class) != null;
  }

  private static int rank(Class<?> testClass) {
    if (!isSpringTest(testClass)) {
      return 0;
    }
    return TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class)
        || testClass.getSimpleName().contains("Postgres") ? 2 : 1;
  }

  /** The key of Spring's context cache for the class: equal keys share one application. */
  private static Object configuration(Class<?> testClass) {
    if (!isSpringTest(testClass)) {
      return testClass;
    }
    try {
      return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
    } catch (RuntimeException e) {
      return testClass;
    }
  }
}
