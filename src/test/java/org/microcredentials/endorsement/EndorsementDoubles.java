package org.microcredentials.endorsement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.microcredentials.notification.Notifier;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The endorsement tests' doubles, one set for all of them so that they share one application: a mock notifier
 * (what was sent to whom) and a spy on the endorsement register (a failure injected where the outcome is
 * recorded). Both are reset after each test; the classes take them with {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MockitoBean(types = Notifier.class)
@MockitoSpyBean(types = EndorsementRegister.class)
@interface EndorsementDoubles {
}
