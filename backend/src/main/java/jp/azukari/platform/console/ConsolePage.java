package jp.azukari.platform.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A web console page controller. Its model gets the signed-in user, the navigation, the CSRF token
 * and the page's language ({@link ConsoleModel}); an {@code ErrorResponseException} from a service
 * (404 out of scope, 403 wrong role) becomes the console's error page with the same status, in the
 * page's language.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsolePage {}
