package jp.azukari.archfixture.app;

import org.springframework.stereotype.Component;

/** A *Rules class that is a Spring bean: breaks "rules stay plain Java". */
@Component
public class LendingRules {}
