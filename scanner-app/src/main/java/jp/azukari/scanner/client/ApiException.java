package jp.azukari.scanner.client;

/** Why a call to the server did not give an answer the counter can use. */
public abstract sealed class ApiException extends Exception
        permits ApiException.Unavailable, ApiException.LoginRequired, ApiException.Refused {

    ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No usable answer: try again later; anything queued stays queued. */
    public static final class Unavailable extends ApiException {

        public enum Why {
            UNREACHABLE,
            TIMEOUT,
            SERVER_ERROR,
            BAD_ANSWER
        }

        private final Why why;

        public Unavailable(Why why, String detail, Throwable cause) {
            super(detail, cause);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** No valid session: the user has to log in again. Queued scans wait for that. */
    public static final class LoginRequired extends ApiException {

        public enum Why {
            NOT_LOGGED_IN,
            SESSION_EXPIRED,
            WRONG_CREDENTIALS
        }

        private final Why why;

        public LoginRequired(Why why, String detail) {
            super(detail, null);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** The server answered, and the answer is no: a definite result, not worth retrying. */
    public static final class Refused extends ApiException {

        private final Problem problem;

        public Refused(Problem problem) {
            super(problem.explanation(), null);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
