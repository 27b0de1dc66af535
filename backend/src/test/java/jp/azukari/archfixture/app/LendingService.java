package jp.azukari.archfixture.app;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An application service that answers in HTTP terms: breaks "application code knows nothing of the
 * web".
 */
public class LendingService {

    public RuntimeException refused() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "no");
    }
}
